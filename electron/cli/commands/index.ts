// Every `pairlight` sub-command. Add one line per command module (one command, one file).
import type { CliCommand } from '../command';
import analyze from './analyze';
import couple from './couple';
import demo from './demo';
import exportPrint from './export';
import baby from './baby';
import modelsList from './models-list';
import projectsCreate from './projects-create';
import projectsDelete from './projects-delete';
import projectsList from './projects-list';
import similarity from './similarity';
import upscale from './upscale';
import version from './version';

export const cliCommands: readonly CliCommand[] = [version, projectsList, projectsCreate, projectsDelete, analyze, similarity, upscale, modelsList, baby, couple, demo, exportPrint];
