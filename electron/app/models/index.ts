// The model manager's public surface, for the contract commands, the Settings UI and the CLI.
export { builtInModels, catalogBuiltIns } from './built-in';
export { ModelManager, type BuiltInModels, type DownloadOptions, type ModelManagerOptions, type TransferTuning } from './model-manager';
export { ModelError, isModelError, type ModelErrorReason } from './errors';
export { JsonFileRegistry, type InstalledModelRecord, type ModelRegistryStore, type PendingDownloadRecord } from './registry';
export { checkModelFile, type ModelContractChecker, type ModelContractCheckers, type ModelUnderCheck } from './contract-check';
export { diffusionContractChecker } from './diffusion-checker';
export type { ContractProblem, ModelSignature, TensorSignature } from './signature';
export { taskContracts, type TaskContract, type TensorRule, type DimRule } from './task-contracts';
export type { DownloadProgress, DownloadRequest, ImportOptions, ModelListItem, ModelManagerEvent, ModelSource, ModelStatus } from './types';
