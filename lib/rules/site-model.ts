import { ProfileJson } from '../palette/cluster-profile';
import { SitePlan } from '../site/site-plan';

/** What the VMO rules check: the resolved site, and the profiles it renders to. */
export interface VmoSiteModel {
  readonly plan: SitePlan;
  /** The rendered profiles (import JSON), for rules about the output itself. */
  readonly profiles: () => readonly ProfileJson[];
}
