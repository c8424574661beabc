import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './messaging';

// Apart from the protocol (lib/messaging.ts) so a page loads the transport with its first write,
// not with its first render.
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
