// The one API between the renderer and everything else. Both transports (Electron preload
// over IPC, the loopback browser host over HTTP + WebSocket) carry exactly these commands and
// events, and every input is parsed with the command's schema where it enters the main side.
// This file is bundled into the renderer: it imports zod and nothing else.
//
// Adding a command: add an entry to `commands` below (input + output schema), then add its
// handler file electron/app/commands/<command-name>.ts and one line in
// electron/app/commands/index.ts. Both transports pick it up from there.
import { z } from 'zod';

// ── Error codes ────────────────────────────────────────────────────────────────────────────
export const errorCodes = [
  'VALIDATION', // an input did not match the command's schema; nothing was changed
  'NOT_FOUND', // the project, job, image… does not exist (any more)
  'UNKNOWN_COMMAND', // the command name is not in the contract
  'UNAUTHORIZED', // browser host: missing or wrong token
  'CONFLICT', // the action does not fit the current state (e.g. retry a running job)
  'CANCELLED', // a job was cancelled by the user
  'IMPORT_NOT_IMAGE', // an imported file is not an image we can read
  'NO_FACE', // no usable face in a photo
  'MODEL_MISSING', // a model the task needs is not installed
  'MODEL_INVALID', // a model file fails its checksum or contract check
  'NETWORK', // a model download could not reach its server or the server refused it
  'DISK', // reading or writing project files failed (full disk, permissions)
  'INTERRUPTED', // a step was cut short by a crash and could not resume
  'INTERNAL', // a bug: anything not covered above
] as const;
export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const PairlightErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** Written for the user: what was wrong and what to do next. */
  message: z.string(),
  details: z.unknown().optional(),
});
export type PairlightErrorData = z.infer<typeof PairlightErrorSchema>;

/**
 * What every failed `invoke` rejects with. Across the Electron context bridge class identity
 * is lost, so renderer code should test errors with `isPairlightError`, not `instanceof`.
 */
export class PairlightError extends Error implements PairlightErrorData {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'PairlightError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toJSON(): PairlightErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isPairlightError(value: unknown): value is PairlightErrorData {
  return PairlightErrorSchema.safeParse(value).success;
}

/** Turns anything thrown or received into a PairlightError (unknown shapes become INTERNAL). */
export function toPairlightError(value: unknown): PairlightError {
  if (value instanceof PairlightError) return value;
  const parsed = PairlightErrorSchema.safeParse(value);
  if (parsed.success) return new PairlightError(parsed.data.code, parsed.data.message, parsed.data.details);
  return new PairlightError('INTERNAL', 'Something went wrong inside Pairlight. Please try again; if it keeps happening, report it with the log.');
}

// ── Shared shapes ──────────────────────────────────────────────────────────────────────────
const Id = z.string().min(1).max(64);
/** ISO 8601 UTC timestamp, e.g. 2026-11-24T01:30:00.000Z. */
const Timestamp = z.string();
const ProjectName = z.string().trim().min(1, 'Give the project a name.').max(120, 'Project names can be at most 120 characters.');

export const ProjectKindSchema = z.enum(['couple', 'baby', 'client']);
export type ProjectKind = z.infer<typeof ProjectKindSchema>;

export const ProjectSchema = z.object({
  id: Id,
  name: z.string(),
  kind: ProjectKindSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  imageCount: z.number().int().nonnegative(),
  coverImageId: Id.nullable(),
  /** The cover image's path inside the project folder, ready for `mediaUrl`. */
  coverPath: z.string().nullable(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const JobStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobStepStatusSchema = z.enum(['pending', 'running', 'done', 'failed', 'cancelled']);
export type JobStepStatus = z.infer<typeof JobStepStatusSchema>;

export const JobStepSchema = z.object({
  name: z.string(),
  status: JobStepStatusSchema,
  /** 0…1 within this step. */
  progress: z.number().min(0).max(1),
});
export type JobStep = z.infer<typeof JobStepSchema>;

export const JobSchema = z.object({
  id: Id,
  projectId: Id.nullable(),
  /** The job type, e.g. 'analyze', 'couple.draft', 'upscale'. */
  type: z.string(),
  status: JobStatusSchema,
  steps: z.array(JobStepSchema),
  /** 0…1 over the whole job. */
  progress: z.number().min(0).max(1),
  /** Latest progress message, for the user. */
  message: z.string(),
  error: z.object({ code: ErrorCodeSchema, message: z.string() }).nullable(),
  /** How many times the job has started (first run, resumes and retries). */
  attempts: z.number().int().nonnegative(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Job = z.infer<typeof JobSchema>;

export const ProviderPreferenceSchema = z.enum(['auto', 'cuda', 'dml', 'coreml', 'cpu']);
export type ProviderPreference = z.infer<typeof ProviderPreferenceSchema>;

export const SettingsSchema = z.object({
  /** Execution provider for ONNX Runtime; 'auto' tries cuda > dml > coreml > cpu. */
  provider: ProviderPreferenceSchema,
  /** Inference threads; 0 lets ONNX Runtime decide. */
  threads: z.number().int().min(0).max(256),
  /** Write the recipe into PNG text chunks / JPEG XMP of exported files. */
  embedMetadata: z.boolean(),
  /** Drafts whose identity score is below this are hidden (0…1 cosine similarity). */
  identityThreshold: z.number().min(0).max(1),
  /** Heavy jobs run at the same time (1 on most machines). */
  maxHeavyJobs: z.number().int().min(1).max(4),
  /** Colour scheme of the window. */
  appearance: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  /** The execution provider in use, once a model session has been created. */
  provider: z.string().optional(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;


// ── Portraits: photos, faces, themes, images (couple pipeline) ─────────────────────────────
export const PersonRoleSchema = z.enum(['a', 'b']);
export type PersonRole = z.infer<typeof PersonRoleSchema>;

const FaceBoxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const FaceSchema = z.object({
  id: Id,
  /** 0 = the largest face of the photo. */
  index: z.number().int().nonnegative(),
  box: FaceBoxSchema,
  pose: z.object({ yaw: z.number(), pitch: z.number(), roll: z.number() }).nullable(),
  /** Photo-quality advice for this face; 'blocker' means it cannot be used. */
  advice: z.array(z.object({ code: z.string(), message: z.string(), severity: z.enum(['warning', 'blocker']) })),
  personId: Id.nullable(),
  /** The face's 478 points (JSON file) inside the project folder, for the mesh overlay. */
  meshPath: z.string().nullable(),
});
export type Face = z.infer<typeof FaceSchema>;

export const PhotoSchema = z.object({
  id: Id,
  projectId: Id,
  personId: Id.nullable(),
  /** Who the photo shows in the couple, when assigned. */
  role: PersonRoleSchema.nullable(),
  sha256: z.string(),
  /** The upright copy inside the project folder, ready for `mediaUrl`. */
  relPath: z.string(),
  originalName: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** The person matte (grey PNG) inside the project folder. */
  mattePath: z.string().nullable(),
  faces: z.array(FaceSchema),
  createdAt: Timestamp,
});
export type Photo = z.infer<typeof PhotoSchema>;

export const ThemeSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  aspect: z.string(),
  /** The preview of the sample couple in this theme (a file under the data folder), null when it could not be made. */
  thumbnailPath: z.string().nullable(),
  /** The same preview as a data: URL (a small JPEG), ready for <img src>. */
  thumbnailUrl: z.string().nullable(),
  /** Bundled with the app (read-only) or the user's own copy under <data>/themes/user. */
  source: z.enum(['built-in', 'user']),
  /** The theme's img2img refine strength: where the Generate panel's slider starts. */
  refineStrength: z.number().min(0.4).max(0.7),
});
export type ThemeSummary = z.infer<typeof ThemeSummarySchema>;
/** A theme's full values as JSON (the schema lives on the main side; the editor shows them as text). */
export const ThemeValuesSchema = z.record(z.string(), z.unknown());
const ThemeId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Theme ids are lower-case letters, digits and dashes.');

export const ImageStageSchema = z.enum(['draft', 'refined', 'upscaled', 'export']);
export const ImageSchema = z.object({
  id: Id,
  projectId: Id,
  generationId: Id.nullable(),
  parentId: Id.nullable(),
  stage: ImageStageSchema,
  relPath: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  seed: z.number().int().nullable(),
  theme: z.string().nullable(),
  /** Cosine similarity of each face to its source person, by person id. */
  identityScores: z.record(z.string(), z.number()).nullable(),
  /** Below the identity threshold: kept and shown greyed, with the reason. */
  rejected: z.boolean(),
  rejectReason: z.string().nullable(),
  rating: z.number().int().min(0).max(5).nullable(),
  favourite: z.boolean(),
  createdAt: Timestamp,
});
export type Image = z.infer<typeof ImageSchema>;

const Rating = z.number().int().min(0).max(5);
const UpscaleTargetSchema = z.enum(['2k', '4k']);
const UpscaleModelSchema = z.enum(['x4fast', 'x4plus']);
/** A dropped file's bytes travel as base64 (JSON-safe on both transports); 150 M chars ≈ 110 MB. */
const Base64File = z.string().min(1).max(150_000_000);
/** The most variations one baby generation makes (the controls offer 1 to this). */
export const MAX_BABY_VARIATIONS = 8;

const Empty = z.strictObject({});
const ById = z.strictObject({ id: Id });

// ── Models (Settings › Models) ─────────────────────────────────────────────────────────────
export const ModelTaskSchema = z.enum(['face-detect', 'face-mesh', 'iris', 'segmentation', 'face-embedding', 'face-attributes', 'upscale', 'diffusion']);
export type ModelTask = z.infer<typeof ModelTaskSchema>;

export const ModelListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  task: ModelTaskSchema,
  /** installed · missing (no file) · corrupt (sha256/size differ) · downloading · paused (partial file kept, resumable). */
  status: z.enum(['installed', 'missing', 'corrupt', 'downloading', 'paused']),
  source: z.enum(['built-in', 'imported', 'downloaded']),
  licence: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative().nullable(),
  /** Worst absolute error against the reference implementation; null when never verified. */
  verifiedMaxError: z.number().nullable(),
  /** Synthetic models for tests; only listed when asked for explicitly. */
  testOnly: z.boolean(),
  /** downloading/paused: bytes on disk so far, and the total when known. */
  progress: z.object({ bytes: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }).optional(),
  /** corrupt: what did not match, for the user. */
  problem: z.string().optional(),
});
export type ModelListItem = z.infer<typeof ModelListItemSchema>;

/** A model id the user chooses: what the file is called inside the models folder. */
const ModelId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'Use 1–64 lower-case letters, digits, dots, dashes or underscores.');
const Sha256Hex = z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'The sha256 must be 64 hexadecimal characters.');

// ── Commands ───────────────────────────────────────────────────────────────────────────────
// Inputs are strict objects: unknown keys are a VALIDATION error, not silently dropped.
export const commands = {
  'app.info': { input: Empty, output: AppInfoSchema },

  'projects.list': { input: Empty, output: z.array(ProjectSchema) },
  'projects.get': { input: ById, output: ProjectSchema },
  'projects.create': { input: z.strictObject({ name: ProjectName, kind: ProjectKindSchema }), output: ProjectSchema },
  'projects.rename': { input: z.strictObject({ id: Id, name: ProjectName }), output: ProjectSchema },
  'projects.delete': { input: ById, output: z.object({ id: Id }) },

  'jobs.list': { input: z.strictObject({ projectId: Id.optional() }), output: z.array(JobSchema) },
  'jobs.get': { input: ById, output: JobSchema },
  'jobs.cancel': { input: ById, output: JobSchema },
  'jobs.retry': { input: ById, output: JobSchema },

  'photos.import': {
    input: z
      .strictObject({
        projectId: Id,
        role: PersonRoleSchema.optional(),
        /** A file on this computer (Electron drop, CLI). */
        path: z.string().min(1).max(4096).optional(),
        /** Or the file's bytes (browser drop), with its name. */
        bytesBase64: Base64File.optional(),
        name: z.string().min(1).max(255).optional(),
      })
      .refine((v) => (v.path === undefined) !== (v.bytesBase64 === undefined), 'Give either a file path or the file bytes, not both.'),
    output: PhotoSchema,
  },
  'photos.list': { input: z.strictObject({ projectId: Id }), output: z.array(PhotoSchema) },
  'faces.choose': { input: z.strictObject({ faceId: Id, role: PersonRoleSchema }), output: PhotoSchema },
  'themes.list': { input: Empty, output: z.array(ThemeSummarySchema) },
  'themes.get': { input: z.strictObject({ id: ThemeId }), output: ThemeValuesSchema },
  /** Copies a theme as the user's own, under a fresh id made from the new name. */
  'themes.duplicate': { input: z.strictObject({ id: ThemeId, name: z.string().trim().min(1).max(80) }), output: ThemeValuesSchema },
  /** Validated against the theme schema on the main side, so any value is accepted here. */
  'themes.save': { input: z.strictObject({ theme: z.unknown() }), output: z.object({ id: z.string(), name: z.string() }) },
  'themes.delete': { input: z.strictObject({ id: ThemeId }), output: z.object({ id: z.string() }) },
  'generations.create': {
    input: z.strictObject({
      projectId: Id,
      theme: z.string().min(1).max(64),
      count: z.union([z.literal(4), z.literal(8)]),
      /** First seed; the others follow it. Random when left out (unless the theme pins one). */
      seed: z.number().int().min(0).max(0xffffffff).optional(),
      /** Theme values changed by the user, merged and re-validated against the theme schema. */
      overrides: z.record(z.string(), z.unknown()).optional(),
      /** Also upscale the best passing draft. */
      upscale: UpscaleTargetSchema.optional(),
    }),
    output: JobSchema,
  },
  /** Future-baby variations from the project's two parents (person A and person B). */
  'generations.createBaby': {
    input: z.strictObject({
      projectId: Id,
      age: z.enum(['newborn', '1y', '3y']),
      variations: z.number().int().min(1).max(MAX_BABY_VARIATIONS).default(4),
      /** Parent A's share of the resemblance: 0 all B, 1 all A, 0.5 balanced. */
      shareA: z.number().min(0).max(1).default(0.5),
      seed: z.number().int().min(0).max(0xffffffff).optional(),
      scene: z.enum(['nursery', 'soft-studio', 'outdoor']).default('nursery'),
    }),
    output: JobSchema,
  },
  'images.list': {
    input: z.strictObject({
      projectId: Id.optional(),
      stage: ImageStageSchema.optional(),
      theme: z.string().max(64).optional(),
      /** At least this many stars. */
      minRating: Rating.optional(),
      favourite: z.boolean().optional(),
      /** Images showing this person (they have an identity score for them). */
      personId: Id.optional(),
      rejected: z.boolean().optional(),
      sort: z.enum(['newest', 'oldest', 'rating', 'identity']).default('newest'),
      /** A page of the sorted list: the gallery asks for the first screenful first and the rest after. */
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    }),
    /**
     * `thumbPath`: the gallery thumbnail inside the project folder when it has been made, so a
     * grid cell loads it at once; null until then (ask `images.thumbnails`, which makes it).
     */
    output: z.array(ImageSchema.extend({ thumbPath: z.string().nullable() })),
  },
  'images.rate': { input: z.strictObject({ id: Id, rating: Rating.nullable() }), output: ImageSchema },
  'images.favourite': { input: z.strictObject({ id: Id, favourite: z.boolean() }), output: ImageSchema },
  /** Moves the image to the project's trash; `images.restore` with the same id undoes it. */
  'images.delete': { input: ById, output: z.object({ id: Id }) },
  'images.restore': { input: ById, output: ImageSchema },
  'images.upscale': { input: z.strictObject({ imageId: Id, target: UpscaleTargetSchema, model: UpscaleModelSchema.default('x4fast') }), output: JobSchema },
  /** The image and where it came from, newest first (upscaled → refined → draft), with each recipe. */
  'images.lineage': { input: ById, output: z.array(ImageSchema.extend({ recipe: z.unknown() })) },
  /** Small JPEGs for the gallery (made once, kept in the project's thumbs/ folder); relPath null when the image is gone or unreadable. */
  'images.thumbnails': {
    input: z.strictObject({ ids: z.array(Id).min(1).max(200) }),
    output: z.array(z.object({ id: Id, relPath: z.string().nullable() })),
  },

  'models.list': { input: z.strictObject({ includeTestOnly: z.boolean().optional() }), output: z.array(ModelListItemSchema) },
  /** Copies a local .onnx into the models folder once it passes the contract check for its task. */
  'models.import': {
    input: z.strictObject({
      path: z.string().min(1).max(4096),
      task: ModelTaskSchema,
      /** Defaults to a slug of the file name. */
      id: ModelId.optional(),
      title: z.string().trim().min(1).max(120).optional(),
      licence: z.string().trim().min(1).max(200).optional(),
    }),
    output: ModelListItemSchema,
  },
  /**
   * Starts (or resumes, for the same id and sha256) a download and returns at once; progress
   * comes as `models.progress`, the outcome as `models.changed` (with `error` when it failed).
   */
  'models.download': {
    input: z.strictObject({
      url: z.string().url().max(4096),
      sha256: Sha256Hex,
      bytes: z.number().int().positive().optional(),
      id: ModelId,
      task: ModelTaskSchema,
      licence: z.string().trim().min(1).max(200),
      title: z.string().trim().min(1).max(120).optional(),
    }),
    output: z.object({ id: z.string() }),
  },
  /** Continues a paused download with the address and checksum stored when it started; returns at once like models.download. */
  'models.resumeDownload': { input: z.strictObject({ id: z.string().min(1).max(64) }), output: z.object({ id: z.string() }) },
  /** Stops a download (the partial file is kept for a resume unless `discard`). */
  'models.cancelDownload': { input: z.strictObject({ id: z.string().min(1).max(64), discard: z.boolean().optional() }), output: z.object({ id: z.string() }) },
  /** Removes an imported or downloaded model, or a paused download. Built-in models stay. */
  'models.remove': { input: z.strictObject({ id: z.string().min(1).max(64) }), output: z.object({ id: z.string() }) },

  /** A print file of an image: paper size at 300 DPI, sRGB JPEG, cropped around the faces; saved as an 'export' child. */
  'export.print': { input: z.strictObject({ imageId: Id, paper: z.enum(['4x6', '5x7', '8x10', 'a4']) }), output: ImageSchema },
  'settings.get': { input: Empty, output: SettingsSchema },
  'settings.set': { input: SettingsSchema.partial().strict(), output: SettingsSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type CommandName = keyof typeof commands;
/** What the caller passes (before defaults are applied). */
export type CommandInput<C extends CommandName> = z.input<(typeof commands)[C]['input']>;
/** What the handler receives after validation. */
export type ParsedCommandInput<C extends CommandName> = z.output<(typeof commands)[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<(typeof commands)[C]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];
export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

// ── Events (main side → renderer) ──────────────────────────────────────────────────────────
export const events = {
  'job.progress': z.object({
    jobId: Id,
    step: z.string(),
    /** 0…1 within the step. */
    fraction: z.number().min(0).max(1),
    message: z.string(),
  }),
  'job.updated': JobSchema,
  'projects.changed': z.object({}),
  'models.progress': z.object({
    id: z.string(),
    bytes: z.number().nonnegative(),
    total: z.number().nonnegative().nullable(),
    /** Bytes per second over the recent window. */
    rate: z.number().nonnegative(),
    phase: z.enum(['connecting', 'receiving', 'retrying', 'verifying', 'checking', 'installing']),
    /** While retrying: why the last attempt failed. */
    note: z.string().optional(),
  }),
  /** The model list changed; `id` + `error` when a download ended in failure (nothing was installed). */
  'models.changed': z.object({
    id: z.string().optional(),
    error: z.object({ code: ErrorCodeSchema, message: z.string() }).optional(),
  }),
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const eventNames = Object.keys(events) as EventName[];
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

// ── Transport-neutral bridge ───────────────────────────────────────────────────────────────
/**
 * What the renderer reads from `window.pairlight`, whichever transport provides it.
 * (The renderer declares the Window property itself, in renderer/src/bridge.)
 */
export interface PairlightBridge {
  /** Rejects with PairlightErrorData (check with isPairlightError). */
  invoke<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  /** Returns an unsubscribe function. */
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  /** A URL the renderer can put in <img src> for a file inside a project folder. */
  mediaUrl(projectId: string, relPath: string): string;
}

// ── Wire formats (both transports) ─────────────────────────────────────────────────────────
export const InvokeRequestSchema = z.object({ command: z.string(), input: z.unknown() });
export type InvokeRequest = z.infer<typeof InvokeRequestSchema>;

export type InvokeResponse<C extends CommandName = CommandName> =
  | { ok: true; result: CommandOutput<C> }
  | { ok: false; error: PairlightErrorData };

export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}

/** Browser host paths, shared with the renderer's HTTP bridge. */
export const hostPaths = {
  invoke: '/api/invoke',
  events: '/api/events',
  media: '/media',
} as const;

/** Electron's custom scheme for project files: pairlight-media://<projectId>/<relPath>. */
export const mediaScheme = 'pairlight-media';

/** Builds a media path the same way on both transports (each segment URL-encoded). */
export function mediaPath(projectId: string, relPath: string): string {
  const segments = relPath.split('/').filter((s) => s.length > 0).map(encodeURIComponent);
  return `${encodeURIComponent(projectId)}/${segments.join('/')}`;
}
