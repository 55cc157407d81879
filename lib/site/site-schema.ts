import siteSchema from '../../schema/site.schema.json';

/**
 * The JSON Schema of a site file: generated from the site props and their doc comments
 * (`npm run schema`), committed as schema/site.schema.json for editors (yaml-language-server)
 * and checked against the props by the tests.
 */
export const SITE_SCHEMA: Readonly<Record<string, unknown>> = siteSchema;
