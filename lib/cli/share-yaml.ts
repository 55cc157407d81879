/**
 * Imported first by the command line's entries (bin/): cdk8s is then given this package's yaml
 * instead of loading its own copy (see shareYamlWithCdk8s). An import for its effect, because
 * imports run before the importing file's own code.
 */
import { shareYamlWithCdk8s } from './shared-modules';

shareYamlWithCdk8s();
