/** The Socket.IO room of a live session: every pod's sockets of that session's players. */
export const quizRoom = (sessionId: string) => `quiz:${sessionId}`;
