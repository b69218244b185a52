export * from './enums';
export * from './types';
export * from './workloads';
export * from './limits';
export * from './rules';
export * from './resources';
export * from './emulatorCaller';
export * from './lookup';
