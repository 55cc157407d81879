export * from './prometheus-grafana-pack';
export * from './self-signed-issuer-chart';
