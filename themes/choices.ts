// The closed sets of words a theme may use, apart from the schema so the renderer's theme editor
// can offer them as choices without loading the schema's file-reading code.
export const ASPECTS = ['4:5', '3:2', '2:3', '5:4', '1:1'] as const;
export const SEED_POLICIES = ['random', 'fixed'] as const;
export const SAMPLERS = ['ddim', 'euler', 'euler-a', 'dpmpp-2m-karras', 'lcm'] as const;
export const SKY_GROUNDS = ['meadow', 'sea-and-sand', 'none'] as const;
export const BACKDROP_KINDS = ['studio-paper', 'sky-sun', 'snow', 'bokeh-lights', 'foliage'] as const;
