// The editor at /admin/: Sveltia CMS, bundled from npm by our own build so that
// nothing is loaded from another host. Its configuration is /admin/config.yml.
import CMS from '@sveltia/cms';

void CMS.init();
