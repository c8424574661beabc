import { ACTIVITY_TYPES } from '@/lib/model/activity';
import { activityTypeLabel } from '@/lib/format/resource-format';

/** The kinds of learning, in the order every form offers them. */
export function ActivityTypeOptions() {
  return (
    <>
      {ACTIVITY_TYPES.map((type) => (
        <option key={type} value={type}>
          {activityTypeLabel(type)}
        </option>
      ))}
    </>
  );
}
