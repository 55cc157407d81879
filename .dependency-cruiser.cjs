/**
 * The dependency direction of lib/ (ARCHITECTURE.md): common -> palette -> packs, templates ->
 * model -> rules -> book -> site; api; -> cli. A folder may import only the folders below
 * it; no module may be part of a cycle. Checked by test/quality/dependencies.test.ts.
 */
const LAYERS = {
  common: [],
  palette: ['common'],
  packs: ['common', 'palette'],
  templates: ['common', 'palette'],
  model: ['common', 'palette', 'packs', 'templates'],
  rules: ['common', 'palette', 'packs', 'templates', 'model'],
  book: ['common', 'palette', 'packs', 'templates', 'model', 'rules'],
  site: ['common', 'palette', 'packs', 'templates', 'model', 'rules', 'book'],
  api: ['common', 'palette'],
  cli: ['common', 'palette', 'packs', 'templates', 'model', 'rules', 'book', 'site', 'api'],
};
const FOLDERS = Object.keys(LAYERS);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module that is part of a cycle at run time (type-only imports excepted): break it by moving the shared piece down a layer.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'pre-compilation-only'] } },
    },
    ...FOLDERS.map((folder) => ({
      name: `layer-${folder}`,
      severity: 'error',
      comment: `lib/${folder} may import only ${LAYERS[folder].map((f) => `lib/${f}`).join(', ') || 'nothing else in lib'} (ARCHITECTURE.md)`,
      from: { path: `^lib/${folder}/` },
      to: { path: `^lib/(?!(${[folder, ...LAYERS[folder]].join('|')})/)[^/]+/` },
    })),
    {
      name: 'lib-stands-alone',
      severity: 'error',
      comment: 'lib/ never imports tests, apps, the command line or scripts.',
      from: { path: '^lib/' },
      to: { path: '^(test|apps|bin|scripts|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^imports/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
