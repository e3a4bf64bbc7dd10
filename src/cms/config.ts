// The editor's configuration, served at /admin/config.yml by the build
// (src/pages/admin/config.yml.ts) and read by Sveltia CMS when /admin/ opens.
import type { CmsConfig } from '@sveltia/cms';
import { collections } from './collections.ts';
import { locales } from '../schemas/common.ts';
import { readEnv, type RawEnv } from '../env.ts';

export interface EditorSettings {
  /** The GitHub repository the staff publish to, "owner/name". */
  repo: string;
  /** The branch whose commits Netlify deploys. */
  branch: string;
  /** The public address of the site, for the editor's "view site" link. */
  siteUrl: string;
}

/**
 * Where the editor publishes: CMS_GITHUB_REPO, else the GitHub repository
 * Netlify builds from (REPOSITORY_URL); CMS_BRANCH, else "main". Without
 * either (a local build) the editor still works on the local working copy.
 */
export function editorSettingsFromEnv(env: RawEnv, siteUrl: string): EditorSettings {
  const e = readEnv(env);
  const fromNetlify = /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(
    e.REPOSITORY_URL ?? '',
  )?.[1];
  const repo = e.CMS_GITHUB_REPO ?? fromNetlify ?? 'medecins-du-monde/calais-site';
  return { repo, branch: e.CMS_BRANCH ?? 'main', siteUrl };
}

export function editorConfig(settings: EditorSettings): CmsConfig {
  return {
    app_title: 'Médecins du Monde Calais – publishing',
    logo: { src: '/favicon.svg' },
    backend: {
      name: 'github',
      repo: settings.repo,
      branch: settings.branch,
      // Sign-in through Netlify's own OAuth provider (Netlify → OAuth → GitHub).
      base_url: 'https://api.netlify.com',
      auth_methods: ['oauth'],
      commit_messages: {
        create: 'Publish {{collection}} "{{slug}}" (editor)',
        update: 'Update {{collection}} "{{slug}}" (editor)',
        delete: 'Remove {{collection}} "{{slug}}" (editor)',
        uploadMedia: 'Upload "{{path}}" (editor)',
        deleteMedia: 'Remove "{{path}}" (editor)',
      },
    },
    // Each save is a commit on the deployed branch; Netlify rebuilds the site from it.
    publish_mode: 'simple',
    // Every collection says where its files go; this is for anything else uploaded.
    media_folder: 'public/media',
    public_folder: '/media',
    site_url: settings.siteUrl,
    i18n: {
      structure: 'multiple_folders',
      locales: [...locales],
      default_locale: 'fr',
      // The site builds a story only when it exists in both languages.
      initial_locales: 'all',
    },
    slug: { encoding: 'ascii', clean_accents: true },
    collections,
  };
}
