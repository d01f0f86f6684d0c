// Job kinds and step names are identifiers in the contract; these are the words people read.

const JOB_TITLES: Record<string, string> = {
  import: 'Import photos',
  analyze: 'Face analysis',
  draft: 'Drafts',
  refine: 'Refine',
  upscale: 'Upscale',
  export: 'Export',
  baby: 'Baby portraits',
  // The job types the pipeline registers (electron/app/pipeline/jobs/*).
  'couple.generate': 'Couple drafts',
  'baby.generate': 'Baby portraits',
  'image.upscale': 'Upscale',
};

export function jobTitle(kind: string): string {
  return JOB_TITLES[kind] ?? humanize(kind);
}

export function stepTitle(name: string): string {
  return humanize(name);
}

/** "face-detect" / "face_detect" / "faceDetect" → "Face detect". */
export function humanize(identifier: string): string {
  const words = identifier
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : identifier;
}
