export type { VmoSiteModel, VmNetworkFacts, SiteHosts, LayerPriority } from '../model/vmo-site-model';
