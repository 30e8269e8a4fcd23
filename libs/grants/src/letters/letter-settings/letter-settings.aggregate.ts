import { defineAggregate, type DomainEvent } from '#libs/platform';
import { officeByCode } from '#libs/reference-data';
import { DEFAULT_CASE_NUMBER_FORMAT } from '../case-number.js';
import { decideSetLetterSettings, type SetLetterSettings } from './set-letter-settings/set-letter-settings.decide.js';

/** R22: bokmål or nynorsk (målform), chosen per office. */
export const LETTER_LANGUAGES = ['nb', 'nn'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** An office's letter settings: language, letterhead lines, signatory and case-number format. */
export interface LetterSettings {
  office: string;
  /** The office's name in the letterhead (from reference data). */
  officeName: string;
  language: LetterLanguage;
  letterhead: { address: string; phone: string; email: string };
  signatory: { name: string; title: string };
  /** `{year}`, `{scheme}`, `{office}` and `{seq}` (R22 saksnummer). */
  caseNumberFormat: string;
}

export type LetterSettingsData = Omit<LetterSettings, 'officeName'>;
export type LetterSettingsSet = DomainEvent<'LetterSettingsSet', LetterSettingsData>;
export type LetterSettingsEvent = LetterSettingsSet;
export type LetterSettingsCommand = SetLetterSettings;

export interface LetterSettingsState {
  settings: LetterSettingsData | null;
}

/** The defaults of an office that has set nothing: bokmål, its name from reference data, the default numbering. */
export function defaultLetterSettings(office: string): LetterSettingsData {
  return {
    office,
    language: 'nb',
    letterhead: { address: '', phone: '', email: '' },
    signatory: { name: '', title: '' },
    caseNumberFormat: DEFAULT_CASE_NUMBER_FORMAT,
  };
}

/** The settings in force: the office's own, or the defaults; with the office's name. */
export function effectiveLetterSettings(office: string, state: LetterSettingsState): LetterSettings {
  const data = state.settings ?? defaultLetterSettings(office);
  return { ...data, officeName: officeByCode(office)?.name ?? `Statsforvalteren (${office})` };
}

export function decideLetterSettings(command: LetterSettingsCommand, state: LetterSettingsState): LetterSettingsEvent[] {
  switch (command.type) {
    case 'SetLetterSettings':
      return decideSetLetterSettings(command, state);
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** One stream per office: `LetterSettings-<OFFICE>`. */
export const OfficeLetterSettings = defineAggregate<LetterSettingsCommand, LetterSettingsState, LetterSettingsEvent>({
  name: 'LetterSettings',
  decider: { initialState: { settings: null }, evolve: (_, e) => ({ settings: e.data }), decide: decideLetterSettings },
  eventTypes: { LetterSettingsSet: 1 },
});
