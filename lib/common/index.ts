export { ValidationError, isValidationError } from './errors';
export { VlanSet, MIN_VLAN_ID, MAX_VLAN_ID } from './vlan-set';
export { Ipv4Cidr } from './ipv4-cidr';
