export * from './statement';
export * from './aging';
export * from './dunning';
export * from './lineAmounts';
export * from './notices';
export * from './text';
