import { AppError, spinWheel, type Logger, type Pool } from '@playloop/core';
import { rooms } from '@playloop/shared';
import type { RealtimeFeature, RealtimeServer, RealtimeSocket } from '../../types.js';

export interface WheelFeatureDeps {
  pool: Pool;
  logger: Logger;
}

/**
 * `wheel:spin`: the server draws, awards and records the spin (core's `spinWheel`) and acks the
 * result; the client only animates it. The payload schema is strict, so a client that sends a
 * prize or a segment is refused before this runs. Beyond the router's per-socket token bucket,
 * a socket gets one spin in flight at a time: a person cannot spin twice at once, a script can.
 */
export function createWheelFeature(deps: WheelFeatureDeps): RealtimeFeature {
  let io: RealtimeServer | undefined;
  const spinning = new WeakSet<RealtimeSocket>();

  return {
    name: 'wheel',
    start(server) {
      io = server;
    },
    attach(socket, router) {
      router.on(socket, 'wheel:spin', async (payload) => {
        if (spinning.has(socket))
          throw new AppError('RATE_LIMITED', { message: 'One spin at a time.' });
        spinning.add(socket);
        try {
          const { userId } = socket.data;
          const result = await spinWheel(deps.pool, {
            userId,
            campaignId: payload.campaignId,
            clientSeed: payload.clientSeed,
          });
          // Every tab of the player (on any pod, through the adapter) sees the new balances.
          io?.to(rooms.user(userId)).emit('wallet:updated', result.wallet);
          deps.logger.debug(
            { userId, spinId: result.spinId, awardedIndex: result.awardedIndex },
            'wheel spun',
          );
          return result;
        } finally {
          spinning.delete(socket);
        }
      });
    },
  };
}
