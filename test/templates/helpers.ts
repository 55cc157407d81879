import { ManifestLayer, PaletteApp, PaletteSite } from '../../lib/palette';

/** A fresh site to build layers in. */
export function newSite(): PaletteSite {
  return new PaletteSite(new PaletteApp(), 'test');
}

/** A bare manifest layer to hold a chart under test. */
export function bareLayer(): ManifestLayer {
  return new ManifestLayer(newSite(), 'layer', { installPriority: 40 });
}
