import { ProfileJson } from '../cluster-profile';
import { Rule } from '../finding';
import { RenderedSite } from '../rendered';
import { PAL_001 } from './pal-001-variables-declared';
import { PAL_002 } from './pal-002-variable-defaults';
import { PAL_003 } from './pal-003-layer-structure';
import { PAL_004 } from './pal-004-strict-yaml';
import { PAL_006 } from './pal-006-profile-type';
import { PAL_008 } from './pal-008-pack-defaults';
import { PAL_009 } from './pal-009-pack-schema';
import { SEC_001 } from './sec-001-no-secret';
import { SEC_002 } from './sec-002-sample-passwords';
import { SEC_004 } from './sec-004-masked-default';

export { PAL_001, PAL_002, PAL_003, PAL_004, PAL_006, PAL_008, PAL_009, SEC_001, SEC_002, SEC_004 };
export { formatProblem } from './pal-002-variable-defaults';

/** The checks every profile passes before anything is written. */
export const PROFILE_CHECKS: readonly Rule<ProfileJson>[] = [PAL_001, PAL_002, PAL_003, PAL_004, PAL_006, SEC_004];

/** The checks of everything a site writes, whatever built it: complete pack values, pack schemas, no secret and no sample credential in any file. */
export const SITE_CHECKS: readonly Rule<RenderedSite>[] = [PAL_008, PAL_009, SEC_001, SEC_002];
