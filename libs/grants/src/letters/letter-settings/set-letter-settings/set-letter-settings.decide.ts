import { DomainError, type RuleViolation } from '#libs/kernel';
import {
  LETTER_LANGUAGES,
  type LetterSettingsData,
  type LetterSettingsEvent,
  type LetterSettingsState,
} from '../letter-settings.aggregate.js';

export interface SetLetterSettings {
  type: 'SetLetterSettings';
  settings: LetterSettingsData;
}

const same = (a: LetterSettingsData | null, b: LetterSettingsData) => a !== null && JSON.stringify(a) === JSON.stringify(b);

/** R22: the office's letters in bokmål or nynorsk; a case-number format that numbers (has `{seq}`). Unchanged: nothing. */
export function decideSetLetterSettings(command: SetLetterSettings, state: LetterSettingsState): LetterSettingsEvent[] {
  const s = command.settings;
  const violations: RuleViolation[] = [];
  if (!(LETTER_LANGUAGES as readonly string[]).includes(s.language))
    violations.push({ rule: 'R22', field: 'language', message: 'a letter is in bokmål (nb) or nynorsk (nn)' });
  if (!s.caseNumberFormat.includes('{seq}'))
    violations.push({ rule: 'R22', field: 'caseNumberFormat', message: 'the case-number format numbers the decisions: it holds {seq}' });
  if (violations.length) throw new DomainError(violations);
  if (same(state.settings, s)) return [];
  return [{ type: 'LetterSettingsSet', data: s }];
}
