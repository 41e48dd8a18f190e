import { useMemo } from 'react';
import { useLocale } from '../../../i18n/i18n';
import { useApi } from '../../../shared/use-api';
import { areaOptions, categoryOptions, namesOf } from './reference';

/** Areas, categories and units for filters and cells; each part loads on its own. */
export function useReference() {
  const { locale } = useLocale();
  const areas = useApi('GET /api/areas', { query: { format: 'tree' } });
  const categories = useApi('GET /api/categories');
  const units = useApi('GET /api/units', { query: { pageSize: 200 } });
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
