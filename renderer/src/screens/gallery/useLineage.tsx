// The lineage panel's recipe facts come from images.lineage (the whole chain, with recipes),
// fetched once per opened image. Without a provider (the visual harness) the panel uses the
// facts the images already carry.
import { createContext, useContext, useEffect, useState } from 'react';
import { recipeFacts } from './recipe-facts';

export type LineageFetch = (id: string) => Promise<{ id: string; recipe: unknown }[]>;
export const LineageContext = createContext<LineageFetch | null>(null);

/** Facts by image id for the chain ending at `imageId`; null until known (or without a provider). */
export function useRecipeFacts(imageId: string | null): Record<string, Record<string, string | number>> | null {
  const fetchLineage = useContext(LineageContext);
  const [facts, setFacts] = useState<Record<string, Record<string, string | number>> | null>(null);
  useEffect(() => {
    setFacts(null);
    if (!fetchLineage || !imageId) return;
    let live = true;
    fetchLineage(imageId).then(
      (rows) => live && setFacts(Object.fromEntries(rows.map((r) => [r.id, recipeFacts(r.recipe)]))),
      // No facts: the panel still shows the chain and seeds.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [fetchLineage, imageId]);
  return facts;
}
