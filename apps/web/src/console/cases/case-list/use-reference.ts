import { useMemo } from 'react';
import { useLocale } from '../../../i18n/i18n';
import { useApiPath } from '../../../shared/use-api';
import { type AreaTreeNode, areaOptions, type CategoryTreeNode, categoryOptions, namesOf, type UnitItem } from './reference';

/** Areas, categories and units for filters and cells; each part loads on its own. */
export function useReference() {
  const { locale } = useLocale();
  const areas = useApiPath<{ items: AreaTreeNode[] }>('/api/areas?format=tree');
  const categories = useApiPath<{ items: CategoryTreeNode[] }>('/api/categories');
  const units = useApiPath<{ items: UnitItem[] }>('/api/units?pageSize=200');
  return useMemo(() => {
    const areaTree = areaOptions(areas.data?.items ?? []);
    const categoryTree = categoryOptions(categories.data?.items ?? [], locale === 'en-US');
    const unitList = units.data?.items ?? [];
    return {
      areaTree,
      categoryTree,
      units: unitList,
      areaName: namesOf(areaTree),
      categoryName: namesOf(categoryTree),
      unitName: new Map(unitList.map((u) => [u.id, u.name])),
    };
  }, [areas.data, categories.data, units.data, locale]);
}
export type Reference = ReturnType<typeof useReference>;
