import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-context';

/**
 * The waiting room's own strings, in both languages, kept beside the feature. The Italian
 * dictionary is typed against the English one, so a missing key fails the build.
 */
const en = {
  title: 'You are in line',
  lead: 'Lots of people are joining right now. We let everyone in at a steady pace, in the order they arrived, so the games stay fast for all.',
  position: 'Your place in line',
  ahead: '{count} people ahead of you',
  aheadOne: '1 person ahead of you',
  next: 'You are next!',
  eta: 'About {time} to go',
  etaSoon: 'Any moment now',
  keepOpen: 'Keep this page open: your place is saved even if you reload it or open another tab.',
  admitted: 'It is your turn! Taking you in…',
  joining: 'Taking your place in line…',
  retrying: 'We could not reach the server. Trying again in a moment; your place is kept.',
  reopened: 'Lots of people are joining right now, so there is a short line.',
  takePlace: 'Take my place in line',
  minutes: '{n} min',
  seconds: '{n} s',
  'panel.title': 'Waiting room',
  'panel.state': 'State',
  'panel.queueing': 'Queueing new visitors',
  'panel.open': 'Open: everyone goes straight in',
  'panel.byOperator': 'switched on by an operator',
  'panel.byLoad': 'switched on by load',
  'panel.mode': 'Mode',
  'panel.mode.off': 'Off',
  'panel.mode.on': 'On',
  'panel.mode.auto': 'Automatic (under load)',
  'panel.rate': 'Admitted per second',
  'panel.save': 'Apply',
  'panel.saved': 'Applied.',
  'panel.waiting': 'Waiting',
  'panel.joined': 'Places handed out',
  'panel.admitted': 'Admitted',
  'panel.shedding': 'This api process',
  'panel.inFlight': 'Requests in flight',
  'panel.loopDelay': 'Event loop delay',
  'panel.overloaded': 'Shedding load',
  'panel.shed': 'Shed (503)',
  'panel.limited': 'Rate limited (429)',
  'panel.yes': 'yes',
  'panel.no': 'no',
};

const it: Record<keyof typeof en, string> = {
  title: 'Sei in fila',
  lead: 'In questo momento si stanno iscrivendo in tantissimi. Facciamo entrare tutti a ritmo costante, nell’ordine di arrivo, così i giochi restano veloci per tutti.',
  position: 'Il tuo posto in fila',
  ahead: '{count} persone prima di te',
  aheadOne: '1 persona prima di te',
  next: 'Tocca quasi a te!',
  eta: 'Ancora circa {time}',
  etaSoon: 'Manca pochissimo',
  keepOpen:
    'Tieni aperta questa pagina: il tuo posto resta salvato anche se la ricarichi o apri un’altra scheda.',
  admitted: 'Tocca a te! Ti facciamo entrare…',
  joining: 'Ti stiamo mettendo in fila…',
  retrying:
    'Non riusciamo a raggiungere il server. Riproviamo tra poco; il tuo posto resta valido.',
  reopened: 'In questo momento si stanno iscrivendo in tantissimi: c’è una breve fila.',
  takePlace: 'Mettimi in fila',
  minutes: '{n} min',
  seconds: '{n} s',
  'panel.title': 'Sala d’attesa',
  'panel.state': 'Stato',
  'panel.queueing': 'Nuovi visitatori in fila',
  'panel.open': 'Aperta: tutti entrano subito',
  'panel.byOperator': 'attivata da un operatore',
  'panel.byLoad': 'attivata dal carico',
  'panel.mode': 'Modalità',
  'panel.mode.off': 'Spenta',
  'panel.mode.on': 'Accesa',
  'panel.mode.auto': 'Automatica (sotto carico)',
  'panel.rate': 'Ingressi al secondo',
  'panel.save': 'Applica',
  'panel.saved': 'Applicato.',
  'panel.waiting': 'In attesa',
  'panel.joined': 'Posti assegnati',
  'panel.admitted': 'Entrati',
  'panel.shedding': 'Questo processo api',
  'panel.inFlight': 'Richieste in corso',
  'panel.loopDelay': 'Ritardo dell’event loop',
  'panel.overloaded': 'Scarta carico',
  'panel.shed': 'Scartate (503)',
  'panel.limited': 'Limitate (429)',
  'panel.yes': 'sì',
  'panel.no': 'no',
};

const dictionaries = { en, it } as const;
export type WaitingRoomKey = keyof typeof en;
export type WaitingRoomText = (
  key: WaitingRoomKey,
  vars?: Record<string, string | number>,
) => string;

export function useWaitingRoomText(): WaitingRoomText {
  const { locale } = useI18n();
  return useCallback<WaitingRoomText>(
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
