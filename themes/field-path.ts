// How a theme value's place is written in errors and in the theme editor: "lens.aperture",
// "backdrop.palette[0]". Apart from the schema so the renderer can use it without the schema's
// file-reading code.

/** ["backdrop", "palette", 0, 2] → "backdrop.palette[0][2]". */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
}
