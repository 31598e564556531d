// Where releases are published and where installed copies look for newer ones: the one place the
// update feed is set. electron-builder publishes there and writes it into each package as
// app-update.yml, which electron-updater reads at run time.
//
// The GitHub repository comes from COACH_DESK_RELEASE_REPO ("owner/name"), or from GITHUB_REPOSITORY,
// which GitHub Actions sets to the repository the workflow runs in. A package built with neither
// has no feed, and that copy does not check for updates. Packages are uploaded to a draft release;
// installed copies see a version only once a maintainer publishes that release.

export interface GithubFeed {
  provider: 'github'
  owner: string
  repo: string
  releaseType: 'draft'
}

export function releaseFeed(env: Record<string, string | undefined> = process.env): GithubFeed | null {
  const slug = env.COACH_DESK_RELEASE_REPO || env.GITHUB_REPOSITORY
  const match = slug ? /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(slug) : null
  if (!match) return null
  return { provider: 'github', owner: match[1]!, repo: match[2]!, releaseType: 'draft' }
}
