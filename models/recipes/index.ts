// Every model Pairlight builds at install, in catalog order.
import { esrganRecipes } from './esrgan';
import { faceRecipes } from './face';
import { segmentationRecipes } from './segmentation';
import type { ModelRecipe } from './types';

export const recipes: ModelRecipe[] = [...faceRecipes, ...segmentationRecipes, ...esrganRecipes];

export function recipeById(id: string): ModelRecipe {
  const r = recipes.find((x) => x.id === id);
  if (!r) throw new Error(`No model recipe named "${id}". Known: ${recipes.map((x) => x.id).join(', ')}`);
  return r;
}
