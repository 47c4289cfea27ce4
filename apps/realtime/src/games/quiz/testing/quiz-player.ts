import type {
  AckResult,
  TQuizAnswerAck,
  TQuizQuestionEvent,
  TQuizSnapshot,
} from '@playloop/shared';
import { QuizTestClient } from './quiz-client.js';

export interface AnswerRecord {
  questionIndex: number;
  answerIndex: number;
  ack: AckResult<TQuizAnswerAck>;
}

/**
 * A scripted player: joins on every (re)connect, answers each question it may answer once (with
 * the choice `pick(q)`, when `mayAnswer(q)` allows), and tries a second answer to prove it is
 * refused. Resyncs from the join snapshot after a reconnect, as the SPA does.
 */
export class QuizBot extends QuizTestClient {
  readonly answers: AnswerRecord[] = [];
  readonly duplicates: AckResult<unknown>[] = [];
  readonly snapshots: TQuizSnapshot[] = [];
  disconnects = 0;
  private attempted = new Set<number>();

  constructor(
    userId: string,
    url: string,
    token: string,
    private readonly sessionId: () => string | null,
    private readonly pick: (q: number) => number,
    private readonly mayAnswer: (q: number, bot: QuizBot) => boolean = () => true,
    opts: { reconnection?: boolean } = {},
  ) {
    super(userId, url, token, opts);
    this.socket.on('connect', () => {
      if (this.sessionId()) void this.join();
    });
    this.socket.on('disconnect', () => (this.disconnects += 1));
    this.socket.on(
      'quiz:question',
      (e: TQuizQuestionEvent) => void this.tryAnswer(e.question.index, e.deadline),
    );
  }

  async join(): Promise<TQuizSnapshot> {
    const ack = await this.send<TQuizSnapshot>('quiz:join', { sessionId: this.sessionId() });
    if (!ack.ok) throw new Error(`${this.userId} join refused: ${ack.error.code}`);
    this.snapshots.push(ack.data);
    const q = ack.data.question;
    const player = ack.data.player;
    if (q && player && player.currentAnswer === null && player.eligibleFrom <= q.question.index)
      void this.tryAnswer(q.question.index, q.deadline);
    if (q && player && player.currentAnswer !== null && !this.accepted(q.question.index)) {
      // Taken by the server just before the pod died, ack lost on the way back: the snapshot tells.
      this.attempted.add(q.question.index);
      const data = {
        questionIndex: q.question.index,
        answerIndex: player.currentAnswer,
        elapsedMs: -1,
      };
      this.answers.push({
        questionIndex: q.question.index,
        answerIndex: player.currentAnswer,
        ack: { ok: true, data },
      });
    }
    return ack.data;
  }

  /** Called again when a test releases held-back answers. */
  async tryAnswer(q: number, deadline: number): Promise<void> {
    if (this.attempted.has(q) || !this.mayAnswer(q, this) || !this.socket.connected) return;
    if (deadline && Date.now() > deadline + 1000) return;
    this.attempted.add(q);
    const answerIndex = this.pick(q);
    const payload = { sessionId: this.sessionId(), questionIndex: q, answerIndex };
    let ack: AckResult<TQuizAnswerAck>;
    try {
      ack = await this.send<TQuizAnswerAck>('quiz:answer', payload);
    } catch {
      // No ack (the pod died with the answer in flight): the rejoin snapshot says whether it counted.
      this.attempted.delete(q);
      return;
    }
    if (!ack.ok && ack.error.code === 'QUIZ_NOT_JOINED') {
      // Sent on a fresh connection before its rejoin: answered again after the snapshot.
      this.attempted.delete(q);
      return;
    }
    this.answers.push({ questionIndex: q, answerIndex, ack });
    if (ack.ok)
      this.duplicates.push(
        await this.send('quiz:answer', { ...payload, answerIndex: (answerIndex + 1) % 4 }).catch(
          () => ({ ok: true as const, data: 'no ack' }),
        ),
      );
  }

  /** The accepted answer to question `q`, if any. */
  accepted(q: number): AnswerRecord | undefined {
    return this.answers.find((a) => a.questionIndex === q && a.ack.ok);
  }
}
