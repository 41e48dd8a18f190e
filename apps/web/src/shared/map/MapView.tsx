import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useLatest } from '../use-api';
import type { MapFeature } from '@lianxin/core';
import { loadMapAreas, loadMapFeatures, loadPublicMapAreas, loadTileConfig } from './map-data';
import {
  areaBounds,
  bboxString,
  clusterPoints,
  clusterSize,
  dominantColor,
  type HeatCell,
  heatRadiusMeters,
  labelledLevels,
  type MapArea,
  type MapPoint,
  type PointCluster,
} from './map-logic';

/** What the map shows after a move: the viewport as "minLng,minLat,maxLng,maxLat" and the zoom. */
export interface MapViewport {
  bbox: string;
  zoom: number;
}

export interface MapViewProps {
  /** CSS height of the map (width follows the container). */
  height?: number | string;
  /** Circle markers (clustered on the client when `clusterClientSide`). */
  points?: readonly MapPoint[];
  /** Numbered bubbles computed elsewhere (e.g. by the server); a click zooms in. */
  clusters?: readonly PointCluster[];
  clusterClientSide?: boolean;
  /** A heat layer of canvas circles (weights 0–1). */
  heat?: readonly HeatCell[];
  /** A draggable pin (e.g. the location of a case being registered). */
  pin?: { lat: number; lng: number } | null;
  /** A click on the map (or a drag of the pin) picks this place. */
  onPick?: (at: { lat: number; lng: number }) => void;
  onPointClick?: (point: MapPoint) => void;
  /** Called after every move or zoom, and once when the map is ready. */
  onViewport?: (view: MapViewport) => void;
  /** Centre here (and zoom, when given) whenever this changes. */
  focus?: { lat: number; lng: number; zoom?: number } | null;
  /** Area names and boundaries from the platform's own data (default on). */
  showAreas?: boolean;
  /** Draw the public areas (the residents' pages have no session). */
  publicAreas?: boolean;
  /** Text for screen readers and the test id of the map container. */
  ariaLabel?: string;
  testId?: string;
}

const FALLBACK_CENTER: L.LatLngTuple = [30, 110];
const FALLBACK_ZOOM = 4;

const pinIcon = L.divIcon({ className: 'lx-map-pin', html: '<span></span>', iconSize: [24, 24], iconAnchor: [12, 24] });

function clusterIcon(cluster: PointCluster) {
  const size = clusterSize(cluster.count);
  const color = dominantColor(cluster.colors);
  return L.divIcon({
    className: 'lx-map-cluster',
    html: `<span style="width:${size}px;height:${size}px;line-height:${size}px;background:${color}">${cluster.count}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function areaLabel(area: MapArea) {
  const text = area.name.replace(/[<>&"]/g, '');
  return L.divIcon({ className: `lx-map-area-label lx-map-area-${area.level}`, html: `<span title="${text}">${text}</span>`, iconSize: undefined });
}

/**
 * A Leaflet map that works without internet: the base layer is the configured tile service
 * (/api/config) when there is one, otherwise the platform's own areas — boundaries where known,
 * centroids and names always — on a plain background. Points, clusters, a heat layer and a
 * draggable pin are props; Leaflet and its CSS load only with the page that uses this.
 */
export default function MapView(props: MapViewProps) {
  const { height = 400, ariaLabel, testId = 'map-view', showAreas = true } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layersRef = useRef<{ points: L.LayerGroup; heat: L.LayerGroup; areas: L.LayerGroup; labels: L.LayerGroup; features: L.LayerGroup; renderer: L.Canvas } | null>(null);
  const [features, setFeatures] = useState<MapFeature[]>([]);
  const [zoom, setZoom] = useState<number | null>(null);
  const [areas, setAreas] = useState<MapArea[]>([]);
  const [tiles, setTiles] = useState<'none' | 'tiles' | 'loading'>('loading');
  // The latest callbacks, read by Leaflet's listeners without re-binding them.
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const container = containerRef.current!;
    const map = L.map(container, { center: FALLBACK_CENTER, zoom: FALLBACK_ZOOM, preferCanvas: true, zoomSnap: 1, worldCopyJump: false });
    mapRef.current = map;
    // Leaflet's credit without the national flag its default prefix carries.
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noreferrer">Leaflet</a>');
    const renderer = L.canvas({ padding: 0.3 });
    map.createPane('lx-heat').style.zIndex = '350';
    map.createPane('lx-areas').style.zIndex = '300';
    layersRef.current = {
      features: L.layerGroup().addTo(map),
      areas: L.layerGroup().addTo(map),
      labels: L.layerGroup().addTo(map),
      heat: L.layerGroup().addTo(map),
      points: L.layerGroup().addTo(map),
      renderer,
    };
    const report = () => {
      const b = map.getBounds();
      setZoom(map.getZoom());
      callbacks.current.onViewport?.({ bbox: bboxString(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()), zoom: map.getZoom() });
    };
    map.on('moveend', report);
    map.on('click', (e: L.LeafletMouseEvent) => callbacks.current.onPick?.({ lat: round6(e.latlng.lat), lng: round6(e.latlng.lng) }));
    // The container may get its size after mount (tabs, drawers, grid): measure again then.
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(container);
    setZoom(map.getZoom());
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      layersRef.current = null;
    };
  }, []);

  // Base layer: the configured tiles, or nothing but our own areas (dropped once unmounted).
  const latestTiles = useLatest();
  useEffect(() => {
    void latestTiles(loadTileConfig()).then(({ value: config, current }) => {
      const map = mapRef.current;
      if (!current || !map) return;
      if (config.tileUrl) {
        L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? undefined, maxZoom: 18 }).addTo(map);
        setTiles('tiles');
      } else setTiles('none');
    });
  }, [latestTiles]);

  const latestAreas = useLatest();
  useEffect(() => {
    if (!showAreas) return;
    latestAreas(props.publicAreas ? loadPublicMapAreas() : loadMapAreas()).then(
      ({ value: items, current }) => {
        if (!current) return;
        setAreas(items);
        const map = mapRef.current;
        if (!map || callbacks.current.focus) return;
        // Fit the lowest levels that have coordinates: villages show the whole county tightly.
        const local = items.filter((a) => a.level === 'village' || a.level === 'township');
        const bounds = areaBounds(local.length ? local : items);
        if (bounds) map.fitBounds(bounds, { padding: [16, 16] });
      },
      () => setAreas([]),
    );
  }, [showAreas, latestAreas]);

  // — screens — the imported roads, water and landmarks (地图图层), under the areas' names.
  const latestFeatures = useLatest();
  useEffect(() => {
    if (!showAreas) return;
    void latestFeatures(loadMapFeatures(!!props.publicAreas)).then(({ value, current }) => current && setFeatures(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showAreas, latestFeatures]);
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers || zoom === null) return;
    layers.features.clearLayers();
    const named = zoom >= 14;
    for (const f of features) {
      const g = f.geometry;
      const label = (at: L.LatLngExpression) =>
        named && L.marker(at, { icon: L.divIcon({ className: `lx-map-feature-label lx-map-feature-${f.kind}`, html: `<span>${f.name.replace(/[<>&"]/g, '')}</span>`, iconSize: undefined }), interactive: false, keyboard: false, pane: 'lx-areas' }).addTo(layers.features);
      const style = f.kind === 'water' ? { color: '#5b9bd5', weight: 2, fillColor: '#a9cdef', fillOpacity: 0.5 } : { color: '#c8a26a', weight: zoom >= 15 ? 5 : 3, opacity: 0.9 };
      if (g.type === 'Point') {
        L.circleMarker([g.coordinates[1], g.coordinates[0]], { pane: 'lx-areas', radius: 4, color: '#7a4f1d', weight: 1, fillColor: '#f0c27b', fillOpacity: 1, interactive: false, renderer: layers.renderer }).addTo(layers.features);
        label([g.coordinates[1], g.coordinates[0]]);
      } else if (g.type === 'Polygon') {
        const rings = g.coordinates.map((r) => r.map((c) => [c[1], c[0]] as L.LatLngTuple));
        const shape = L.polygon(rings, { ...style, pane: 'lx-areas', interactive: false, renderer: layers.renderer }).addTo(layers.features);
        label(shape.getBounds().getCenter());
      } else {
        const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates).map((l) => l.map((c) => [c[1], c[0]] as L.LatLngTuple));
        L.polyline(lines, { ...style, pane: 'lx-areas', interactive: false, renderer: layers.renderer }).addTo(layers.features);
        const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
        label(longest[Math.floor(longest.length / 2)]);
      }
    }
  }, [features, zoom]);

  // Area boundaries (GeoJSON from /api/map/areas) and centroids, drawn once.
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers) return;
    layers.areas.clearLayers();
    for (const area of areas) {
      if (area.boundary) {
        try {
          L.geoJSON(area.boundary as GeoJSON.GeoJsonObject, {
            pane: 'lx-areas',
            style: { color: area.level === 'township' ? '#4b6584' : '#8aa1b1', weight: area.level === 'township' ? 2 : 1, fillOpacity: 0.04, dashArray: area.level === 'grid' ? '3 3' : undefined },
            interactive: false,
          }).addTo(layers.areas);
        } catch {
          /* a malformed boundary is skipped; the centroid still shows the area */
        }
      }
      if (typeof area.lat === 'number' && typeof area.lng === 'number' && (area.level === 'village' || area.level === 'grid')) {
        L.circleMarker([area.lat, area.lng], { pane: 'lx-areas', radius: 3, color: '#8aa1b1', weight: 1, fillOpacity: 0.6, interactive: false, renderer: layers.renderer }).addTo(layers.areas);
      }
    }
  }, [areas]);

  // Names of the areas at the levels that suit the zoom.
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers || zoom === null) return;
    layers.labels.clearLayers();
    const levels = labelledLevels(zoom);
    for (const area of areas) {
      if (!levels.includes(area.level) || typeof area.lat !== 'number' || typeof area.lng !== 'number') continue;
      L.marker([area.lat, area.lng], { icon: areaLabel(area), interactive: false, keyboard: false, pane: 'lx-areas' }).addTo(layers.labels);
    }
  }, [areas, zoom]);

  // Points and clusters.
  const { points, clusters, clusterClientSide, heat, pin } = props;
  useEffect(() => {
    const layers = layersRef.current;
    const map = mapRef.current;
    if (!layers || !map || zoom === null) return;
    layers.points.clearLayers();
    const drawPoint = (p: MapPoint) => {
      const marker = L.circleMarker([p.lat, p.lng], { radius: 7, color: '#fff', weight: 1.5, fillColor: p.color ?? '#1677ff', fillOpacity: 0.95, renderer: layers.renderer });
      if (p.label) marker.bindTooltip(p.label, { direction: 'top', offset: [0, -6] });
      marker.on('click', (e) => {
        L.DomEvent.stopPropagation(e);
        callbacks.current.onPointClick?.(p);
      });
      marker.addTo(layers.points);
    };
    const drawCluster = (c: PointCluster) => {
      if (c.only) return drawPoint(c.only);
      L.marker([c.lat, c.lng], { icon: clusterIcon(c), title: String(c.count), keyboard: false })
        .on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          map.setView([c.lat, c.lng], Math.min(map.getZoom() + 2, map.getMaxZoom()));
        })
        .addTo(layers.points);
    };
    if (points?.length) {
      if (clusterClientSide) clusterPoints(points, zoom).forEach(drawCluster);
      else points.forEach(drawPoint);
    }
    clusters?.forEach(drawCluster);
  }, [points, clusters, clusterClientSide, zoom]);

  // Heat: translucent canvas circles whose size follows the zoom and whose strength the weight.
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers || zoom === null) return;
    layers.heat.clearLayers();
    for (const cell of heat ?? []) {
      const w = Math.max(0.05, Math.min(1, cell.weight));
      L.circle([cell.lat, cell.lng], {
        pane: 'lx-heat',
        renderer: layers.renderer,
        radius: heatRadiusMeters(zoom, cell.lat) * (0.6 + w * 0.8),
        stroke: false,
        fillColor: w > 0.66 ? '#f5222d' : w > 0.33 ? '#fa8c16' : '#fadb14',
        fillOpacity: 0.15 + w * 0.35,
        interactive: false,
      }).addTo(layers.heat);
    }
  }, [heat, zoom]);

  // The pin.
  const pinRef = useRef<L.Marker | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!pin) {
      pinRef.current?.remove();
      pinRef.current = null;
      return;
    }
    if (!pinRef.current) {
      pinRef.current = L.marker([pin.lat, pin.lng], { icon: pinIcon, draggable: !!callbacks.current.onPick, autoPan: true, keyboard: false })
        .on('dragend', (e) => {
          const at = (e.target as L.Marker).getLatLng();
          callbacks.current.onPick?.({ lat: round6(at.lat), lng: round6(at.lng) });
        })
        .addTo(map);
    } else pinRef.current.setLatLng([pin.lat, pin.lng]);
  }, [pin]);

  const { focus } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    map.setView([focus.lat, focus.lng], focus.zoom ?? Math.max(map.getZoom(), 14));
  }, [focus]);

  return (
    <div
      ref={containerRef}
      className={`lx-map ${tiles === 'none' ? 'lx-map-plain' : ''}`}
      style={{ height, width: '100%' }}
      role="application"
      aria-label={ariaLabel}
      data-testid={testId}
      data-base-layer={tiles}
    />
  );
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
