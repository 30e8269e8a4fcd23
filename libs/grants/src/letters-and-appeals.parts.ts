import { AppealRemedies } from './appeal/appeal-remedy.js';
import { AppealStepRunner } from './appeal/appeal-step-runner.js';
import { DecideAppealHandler } from './appeal/decide-appeal/decide-appeal.handler.js';
import { DecideAppealRoute } from './appeal/decide-appeal/decide-appeal.route.js';
import { GetAppealLetterHandler } from './appeal/letters/appeal-letters.queries.js';
import { AppealLettersRoute } from './appeal/letters/appeal-letters.route.js';
import { LodgeAppealHandler } from './appeal/lodge-appeal/lodge-appeal.handler.js';
import { LodgeAppealRoute } from './appeal/lodge-appeal/lodge-appeal.route.js';
import { ReconsiderAppealHandler } from './appeal/reconsider-appeal/reconsider-appeal.handler.js';
import { ReconsiderAppealRoute } from './appeal/reconsider-appeal/reconsider-appeal.route.js';
import { GetGrantLetterHandler, ListGrantLettersHandler } from './letters/grant-letters/grant-letters.queries.js';
import { GrantLettersRoute } from './letters/grant-letters/grant-letters.route.js';
import { GrantLetters } from './letters/grant-letters/grant-letters.service.js';
import { GetLetterSettingsHandler } from './letters/letter-settings/letter-settings.queries.js';
import { SetLetterSettingsHandler } from './letters/letter-settings/set-letter-settings/set-letter-settings.handler.js';
import { LetterSettingsRoute } from './letters/letter-settings/set-letter-settings/set-letter-settings.route.js';
import { GetRoundLetterHandler } from './letters/round-letter/round-letter.queries.js';
import { RoundLetterRoute } from './letters/round-letter/round-letter.route.js';
import { GetAppealHandler, GetOfficeAppealsHandler, ListAppealsHandler } from './read-model/appeals/appeals.queries.js';
import { AppealHistory } from './appeal/appeal-history.js';
import { AppealsRoute } from './read-model/appeals/appeals.route.js';

/** R22 decision letters and R23 appeals: their routes and providers, spread into GrantsModule. */
export const LETTERS_AND_APPEALS_CONTROLLERS = [
  ...[LetterSettingsRoute, GrantLettersRoute, RoundLetterRoute],
  ...[LodgeAppealRoute, ReconsiderAppealRoute, DecideAppealRoute, AppealsRoute, AppealLettersRoute],
];

export const LETTERS_AND_APPEALS_PROVIDERS = [
  ...[
    GrantLetters,
    SetLetterSettingsHandler,
    GetLetterSettingsHandler,
    ListGrantLettersHandler,
    GetGrantLetterHandler,
    GetRoundLetterHandler,
  ],
  ...[AppealRemedies, AppealStepRunner, AppealHistory, LodgeAppealHandler, ReconsiderAppealHandler, DecideAppealHandler],
  ...[ListAppealsHandler, GetAppealHandler, GetOfficeAppealsHandler, GetAppealLetterHandler],
];
