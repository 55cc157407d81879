import { readFileSync } from 'fs';
import { onPath } from '../../common/file-system-error';
import { CliCommand, UsageError } from '../cli-command';
import { CliExit } from '../exit-codes';
import { siteSchemaPath } from '../package-files';

/** `palette-vmo schema`: the site JSON Schema, exactly as committed (schema/site.schema.json). */
export const SCHEMA_COMMAND: CliCommand = {
  name: 'schema',
  usage: '',
  summary: 'print the JSON Schema of site files (every setting, its description and default)',
  details: [
    'For editors: save it, or point yaml-language-server at the installed copy with a first line such as',
    '# yaml-language-server: $schema=../node_modules/cdk8s-palette-vmo/schema/site.schema.json',
  ].join('\n'),
  options: [],
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`'schema' takes no arguments, got '${args.positionals[0]}'`, SCHEMA_COMMAND);
    const path = siteSchemaPath();
    io.write(onPath(path, 'read the site schema', () => readFileSync(path, 'utf8')));
    return CliExit.OK;
  },
};
