package main

import (
	"fmt"
	"strings"
	"time"
)

// The TaskRouter section: a Flex-shaped plan that looks up, from the Flex
// configuration, what Flex creates in TaskRouter (the workspace, its four
// activities, five task channels, one queue and one workflow, by name)
// and lists every activity. Every lookup by name on a list, and the
// plural, share one read of that list per process.
const (
	caseTaskRouter    = "Flex TaskRouter: workspace, 4 activities, 5 channels, queue, workflow by name + every activity"
	taskRouterHeading = "## TaskRouter by name"
	// taskRouterLists are the lists the plan reads: workspaces,
	// activities, task channels, task queues, workflows.
	taskRouterLists = 5
)

func taskRouterScenario() scenario {
	return scenario{Name: caseTaskRouter, FlexTaskRouter: true, Reads: 13, Config: `
data "twilio_flex_configuration" "this" {}

locals {
  workspace_sid = data.twilio_flex_configuration.this.taskrouter_workspace_sid
}

data "twilio_taskrouter_workspace" "flex" {
  friendly_name = "Flex Task Assignment"
}

data "twilio_taskrouter_activity" "flex" {
  for_each      = toset(["Available", "Unavailable", "Break", "Offline"])
  workspace_sid = local.workspace_sid
  friendly_name = each.key
}

data "twilio_taskrouter_task_channel" "flex" {
  for_each      = toset(["default", "voice", "chat", "sms", "video"])
  workspace_sid = local.workspace_sid
  unique_name   = each.key
}

data "twilio_taskrouter_task_queue" "everyone" {
  workspace_sid = local.workspace_sid
  friendly_name = "Everyone"
}

data "twilio_taskrouter_workflow" "anyone" {
  workspace_sid = local.workspace_sid
  friendly_name = "Assign to Anyone"
}

data "twilio_taskrouter_activities" "all" {
  workspace_sid = local.workspace_sid
}
`}
}

// measureTaskRouter measures the Flex-shaped plan and renders its section.
func measureTaskRouter(cli, provider, binDir string, runs int) (string, error) {
	var rows []result
	for _, m := range models {
		r, err := medianOf(cli, provider, binDir, taskRouterScenario(), m, runs)
		if err != nil {
			return "", err
		}
		rows = append(rows, r)
	}
	var s strings.Builder
	s.WriteString("\n" + taskRouterHeading + "\n\n" +
		"A Flex team imports what Flex creates in TaskRouter by script today. The same CLI plans, from the Flex configuration, " +
		"the workspace, its 4 activities, 5 task channels, the queue and the workflow by name (12 lookups) and every activity, " +
		"against the emulator seeded as a fresh Flex account. Each lookup by name reads its list (1000 a page), shared with every " +
		fmt.Sprintf("other lookup and plural on it. Measured on %s.\n\n", time.Now().UTC().Format("2006-01-02")))
	s.WriteString("| case | model | wall | requests | connections | retries | provider CPU | peak RSS |\n")
	s.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&s, "| %s | %s | %.2f s | %d | %d | %d | %.2f s | %.1f MiB |\n", r.Case, r.Model.Name, r.Wall.Seconds(),
			r.Requests, r.Connections, r.Retries, (r.Usage.UserCPU + r.Usage.SystemCPU).Seconds(), float64(r.Usage.MaxRSSKiB)/1024)
	}
	row := targetTable(&s, "### TaskRouter targets")
	want := taskRouterLists + 1 // and the Flex configuration
	for _, r := range rows {
		row(fmt.Sprintf("requests = %d (the Flex configuration and one read of each of the %d lists), no retries, at %s", want, taskRouterLists, r.Model.Name),
			fmt.Sprintf("%d (%d retries)", r.Requests, r.Retries), r.Requests == want && r.Retries == 0)
	}
	return s.String(), nil
}
