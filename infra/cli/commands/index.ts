// The table of commands, in the order the usage lists them.
import type { Command } from '../command.js';
import { assessmentTemplateCommand } from './assessment-template.js';
import { assessmentUpload } from './assessment-upload.js';
import { countsUpload } from './counts-upload.js';
import { dlqList } from './dlq-list.js';
import { dlqRedrive } from './dlq-redrive.js';
import { elokettenAdd } from './eloketten-add.js';
import { elokettenList } from './eloketten-list.js';
import { feedbackEraseCommand, feedbackOriginsAddCommand, maturityThemesImportCommand } from './feedback-commands.js';
import { indicatorsImport } from './indicators-import.js';
import { keysCreate } from './keys-create.js';
import { keysList } from './keys-list.js';
import { keysRevoke } from './keys-revoke.js';
import { orgsImport } from './orgs-import.js';
import { orgsList } from './orgs-list.js';
import { plansUpload } from './plans-upload.js';
import { rebuild } from './rebuild.js';
import { report } from './report.js';

export const COMMANDS: readonly Command[] = [
  keysCreate,
  keysList,
  keysRevoke,
  orgsImport,
  orgsList,
  elokettenAdd,
  elokettenList,
  countsUpload,
  assessmentTemplateCommand,
  assessmentUpload,
  plansUpload,
  feedbackOriginsAddCommand,
  feedbackEraseCommand,
  maturityThemesImportCommand,
  indicatorsImport,
  rebuild,
  report,
  dlqList,
  dlqRedrive,
];
