// The renderer's only door to the contract: types and schemas, nothing with side effects.
// Everything else in the renderer imports from here, so a contract change touches one file.
export type {
  AppInfo,
  CommandInput,
  CommandName,
  CommandOutput,
  ErrorCode,
  EventName,
  EventPayload,
  Face,
  Image,
  Job,
  JobStatus,
  JobStep,
  ModelListItem,
  ModelTask,
  PairlightBridge,
  PairlightErrorData,
  PersonRole,
  Photo,
  Project,
  ProjectKind,
  ProviderPreference,
  Settings,
  ThemeSummary,
} from '../../../electron/contract';
export { commands, events, hostPaths, isCommandName, isEventName, isPairlightError, MAX_BABY_VARIATIONS, mediaPath } from '../../../electron/contract';
