export * from './povertyGuidelines';
export * from './assistance';
export * from './paymentPlan';
export * from './planOptions';
