export { MetalLbAddressPool, RA_ADDRESS_POOL } from './metallb-address-pool';
export {
  MetalLbAdvertisement, MetalLbBgpAdvertisement, MetalLbBgpOptions, MetalLbBgpPeer, MetalLbL2AdvertisementOptions, RA_L2_INTERFACE,
} from './metallb-advertisement';
export { METALLB_NAMESPACE, MetalLbPack, MetalLbPackProps } from './metallb-pack';
