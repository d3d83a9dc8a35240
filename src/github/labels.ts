/**
 * The labels on a pull request as they are when the job runs. The event payload is a snapshot
 * of when the event fired, and re-running a failed job replays that same payload: a reviewer
 * who adds the accept label and re-runs the job would otherwise stay blocked.
 */
import { errorMessage, type GitHubClient } from './client.ts';
import type { EventInfo } from './context.ts';

/** The label names on issue or PR `issueNumber`, every page. */
export async function issueLabels(
  octokit: GitHubClient,
  opts: { owner: string; repo: string; issueNumber: number },
): Promise<string[]> {
  const labels = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    owner: opts.owner,
    repo: opts.repo,
    issue_number: opts.issueNumber,
    per_page: 100,
  });
  return labels.map((l) => l.name);
}

/**
 * The PR's labels through the API; the event's labels, with a warning, when the API cannot be
 * asked (no token) or does not answer.
 */
export async function currentPullLabels(
  octokit: GitHubClient | undefined,
  event: Pick<EventInfo, 'owner' | 'repo' | 'prNumber' | 'labels'>,
  warn: (message: string) => void,
): Promise<string[]> {
  if (!event.prNumber) return event.labels;
  if (!octokit) {
    warn("no GitHub token to read the PR's labels: using the labels of the event");
    return event.labels;
  }
  try {
    return await issueLabels(octokit, {
      owner: event.owner,
      repo: event.repo,
      issueNumber: event.prNumber,
    });
  } catch (err) {
    warn(
      `could not read the labels of PR #${event.prNumber} (${errorMessage(err)}): using the labels of the event`,
    );
    return event.labels;
  }
}
