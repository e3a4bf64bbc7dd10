// The editor's configuration, generated from the content schemas at build time.
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { editorConfig, editorSettingsFromEnv } from '../../cms/config.ts';

export const GET: APIRoute = ({ site }) => {
  const settings = editorSettingsFromEnv(
    process.env,
    (site ?? new URL('http://localhost:8888')).origin,
  );
  const body = `# Generated from src/schemas/ by src/cms/: edit those, not this file.\n${stringify(editorConfig(settings))}`;
  return new Response(body, { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
};
