import { setupBackground } from '@/lib/background';

export default defineBackground(() => {
  setupBackground();
});
