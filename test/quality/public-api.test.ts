import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import * as api from '../../lib';
import { REPO_ROOT } from '../helpers';

/**
 * Issue 10 item 6: an intended public API. The package entry point (lib/index.ts) names what it
 * exports; the helpers the library uses internally stay inside it; every exported class and
 * function says what it is for. The library is TypeScript (CommonJS with .d.ts), not jsii.
 */

const INDEX = join(REPO_ROOT, 'lib', 'index.ts');

/** Every name lib/index.ts exports, with its declaration (through the re-export). */
function exportedDeclarations(): { name: string; declaration: ts.Declaration }[] {
  const program = ts.createProgram([INDEX], { strict: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX) as ts.SourceFile);
  if (!module) throw new Error('lib/index.ts is not a module');
  return checker.getExportsOfModule(module).flatMap((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const declaration = target.declarations?.[0];
    return declaration ? [{ name: s.name, declaration }] : [];
  });
}

describe('the public API (lib/index.ts)', () => {
  test('names every export: no export *', () => {
    const text = readFileSync(INDEX, 'utf8');
    expect(text).not.toMatch(/export \* from/);
    expect(text).toMatch(/^export \{/m);
  });

  test('exports what a program uses to build, compose, check and write sites', () => {
    for (const name of [
      'PaletteApp', 'PaletteSite', 'VmoSite', 'VmoProfiles', 'VmoProfileKind', 'ClusterProfile', 'PackLayer', 'ManifestLayer', 'ManifestChart',
      'ProfileVariable', 'PackCatalog', 'PackDefaults', 'PortworxPack', 'LonghornPack', 'RookCephPack', 'CiliumPack', 'PaletteKubernetesPack',
      'UbuntuMaasPack', 'MetalLbPack', 'NginxPack', 'PrometheusGrafanaPack', 'VirtualMachineOrchestratorPack', 'SpectroProxyPack',
      'VmoStorageLayer', 'VmoNetworkingLayer', 'VmoGoldenImagesLayer', 'VmoPreferencesLayer', 'VmoTemplatesLayer',
      'VMO_RULES', 'runRules', 'addRuleCheck', 'valueAt', 'loadSiteFile', 'parseSiteYaml', 'siteBook', 'ValidationError', 'SynthError', 'LayerRole',
    ]) {
      expect([name, name in api]).toEqual([name, true]);
    }
  });

  test('keeps internal helpers inside: YAML writing, value merging, the output writer, Terraform escaping, book helpers', () => {
    for (const name of [
      'documentToYaml', 'toYaml', 'mergeIn', 'splitValuePath', 'substituteDefaults', 'parseYamlDocuments', 'writeSitesAtomically', 'OutputRun',
      'escapeTemplate', 'terraformJson', 'fillPlaceholders', 'vlanRows', 'hostBudgets', 'validationFindings', 'packCatalogOf', 'checkPackSchema',
    ]) {
      expect([name, name in api]).toEqual([name, false]);
    }
  });

  test('every exported class, function and interface says what it is for; every prop and setting too', () => {
    const documented = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;
    const where = (d: ts.Node) => d.getSourceFile().fileName.replace(`${REPO_ROOT}/`, '');
    const undocumented: string[] = [];
    for (const { name, declaration: d } of exportedDeclarations()) {
      if (ts.isInterfaceDeclaration(d) && /(Props|Options|Settings)$/.test(name)) {
        // The props of a construct or settings of a site: the comment is on each member (it is what editors show).
        for (const m of d.members) if (m.name && !documented(m)) undocumented.push(`${name}.${m.name.getText()} (${where(d)})`);
      } else if ((ts.isClassDeclaration(d) || ts.isFunctionDeclaration(d) || ts.isInterfaceDeclaration(d)) && !documented(d)) {
        undocumented.push(`${name} (${where(d)})`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
