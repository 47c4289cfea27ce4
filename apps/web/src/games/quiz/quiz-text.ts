import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context';

/**
 * The quiz's own strings, in both languages, kept beside the feature. Error codes are translated
 * by the app dictionaries (`errorMessage`). The Italian dictionary is typed against the English
 * one, so a missing key fails the build.
 */
const en = {
  title: 'Live quiz',
  'index.lead':
    'Answer fast, keep your streak, climb the top ten. Every show pays points to everyone who plays.',
  'index.live': 'Live now',
  'index.lobby': 'Lobby open',
  'index.next': 'Next show',
  'index.startsAt': 'Starts at {time}',
  'index.join': 'Join the show',
  'index.none': 'No show is scheduled right now. Practise in the meantime.',
  'index.practice': 'Practise solo',
  'index.practiceLead': 'Questions from the same bank, any time. Practice pays a few points a day.',
  'index.recent': 'Recent shows',
  'index.results': 'Results',
  'index.players': '{count} players',
  'lobby.title': 'The show starts soon',
  'lobby.startsIn': 'Starts in',
  'lobby.players': '{count} players in the lobby',
  'lobby.questions':
    '{count} questions · answer fast for a speed bonus, keep answering right for a streak bonus.',
  'q.of': 'Question {n} of {count}',
  'q.timeLeft': 'Seconds left',
  'q.secondsLeft': '{s} seconds left',
  'q.timeUp': 'Time is up',
  'q.locked': 'Answer locked in: {answer}. Wait for the reveal.',
  'q.sending': 'Sending your answer…',
  'q.watching': 'You joined during this question: watch this one, you play from the next.',
  'q.answers': 'Answers',
  'reveal.title': 'The answer',
  'reveal.correct': 'Correct! +{points} points.',
  'reveal.wrong': 'Not this time. The answer was {answer}.',
  'reveal.none': 'No answer this time. The answer was {answer}.',
  'reveal.answerWas': 'The answer was {answer}.',
  'reveal.standing': 'Your score: {score} · rank {rank}',
  'reveal.speedBonus': 'Speed bonus +{points}',
  'reveal.streakBonus': 'Streak bonus +{points}',
  'reveal.distribution': 'How everyone answered',
  'reveal.picked': '{count} picked',
  'reveal.correctMark': 'correct answer',
  'reveal.next': 'Next question in {s} s',
  'reveal.last': 'Final results in {s} s',
  'board.title': 'Top ten',
  'board.rank': 'Rank',
  'board.player': 'Player',
  'board.score': 'Score',
  'board.you': '(you)',
  'results.title': 'Final results',
  'results.you': 'You finished #{rank} with {score} points ({correct} of {count} right).',
  'results.reward': 'Reward: {points} points, added to your wallet.',
  'results.watched': 'You watched this show. Join the next one from the lobby!',
  'results.back': 'Back to the quiz',
  'solo.title': 'Practice',
  'solo.start': 'Start a practice run',
  'solo.final': 'You scored {score} points: {correct} of {count} right.',
  'solo.reward': '+{points} points to your wallet.',
  'solo.capped': "Today's practice reward limit is reached: more tomorrow.",
  'solo.again': 'Play again',
  'solo.next': 'Next question',
  'solo.score': 'Your score: {score}',
  'conn.waiting': 'Connecting to the show…',
} as const;

type QuizKey = keyof typeof en;

const it: Record<QuizKey, string> = {
  title: 'Quiz dal vivo',
  'index.lead':
    'Rispondi in fretta, mantieni la serie, scala la top ten. Ogni show dà punti a chi gioca.',
  'index.live': 'In diretta',
  'index.lobby': 'Sala aperta',
  'index.next': 'Prossimo show',
  'index.startsAt': 'Inizia alle {time}',
  'index.join': 'Entra nello show',
  'index.none': 'Nessuno show in programma adesso. Intanto allenati.',
  'index.practice': 'Allenati da solo',
  'index.practiceLead':
    'Domande dalla stessa raccolta, quando vuoi. L’allenamento dà qualche punto al giorno.',
  'index.recent': 'Show recenti',
  'index.results': 'Risultati',
  'index.players': '{count} giocatori',
  'lobby.title': 'Lo show sta per iniziare',
  'lobby.startsIn': 'Inizia tra',
  'lobby.players': '{count} giocatori in sala',
  'lobby.questions':
    '{count} domande · rispondi in fretta per il bonus velocità, rispondi giusto di fila per il bonus serie.',
  'q.of': 'Domanda {n} di {count}',
  'q.timeLeft': 'Secondi rimasti',
  'q.secondsLeft': '{s} secondi rimasti',
  'q.timeUp': 'Tempo scaduto',
  'q.locked': 'Risposta registrata: {answer}. Attendi la soluzione.',
  'q.sending': 'Invio della risposta…',
  'q.watching': 'Sei entrato durante questa domanda: guardala, giochi dalla prossima.',
  'q.answers': 'Risposte',
  'reveal.title': 'La risposta',
  'reveal.correct': 'Giusto! +{points} punti.',
  'reveal.wrong': 'Non stavolta. La risposta era {answer}.',
  'reveal.none': 'Nessuna risposta. La risposta era {answer}.',
  'reveal.answerWas': 'La risposta era {answer}.',
  'reveal.standing': 'Il tuo punteggio: {score} · posizione {rank}',
  'reveal.speedBonus': 'Bonus velocità +{points}',
  'reveal.streakBonus': 'Bonus serie +{points}',
  'reveal.distribution': 'Come hanno risposto tutti',
  'reveal.picked': '{count} risposte',
  'reveal.correctMark': 'risposta giusta',
  'reveal.next': 'Prossima domanda tra {s} s',
  'reveal.last': 'Risultati finali tra {s} s',
  'board.title': 'Top ten',
  'board.rank': 'Pos.',
  'board.player': 'Giocatore',
  'board.score': 'Punti',
  'board.you': '(tu)',
  'results.title': 'Risultati finali',
  'results.you': 'Hai chiuso #{rank} con {score} punti ({correct} giuste su {count}).',
  'results.reward': 'Premio: {points} punti, aggiunti al tuo portafoglio.',
  'results.watched': 'Hai guardato questo show. Partecipa al prossimo dalla sala!',
  'results.back': 'Torna al quiz',
  'solo.title': 'Allenamento',
  'solo.start': 'Inizia un allenamento',
  'solo.final': 'Hai fatto {score} punti: {correct} giuste su {count}.',
  'solo.reward': '+{points} punti nel tuo portafoglio.',
  'solo.capped': 'Limite giornaliero dei premi di allenamento raggiunto: domani ancora.',
  'solo.again': 'Gioca ancora',
  'solo.next': 'Domanda successiva',
  'solo.score': 'Il tuo punteggio: {score}',
  'conn.waiting': 'Connessione allo show…',
};

const dictionaries = { en, it } as const;

export type QuizText = (key: QuizKey, vars?: Record<string, string | number>) => string;

export function useQuizText(): QuizText {
  const { locale } = useI18n();
  return useCallback<QuizText>(
    (key, vars) => {
      const template: string = dictionaries[locale][key];
      return vars
        ? template.replace(/\{(\w+)\}/g, (m, name: string) =>
            name in vars ? String(vars[name]) : m,
          )
        : template;
    },
    [locale],
  );
}

/** Answer labels: a letter as well as the text, so nobody relies on colour or position. */
export const ANSWER_LETTERS = ['A', 'B', 'C', 'D'] as const;
