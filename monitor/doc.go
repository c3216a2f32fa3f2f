// Package monitor is storywatch's pipeline: it polls feeds on their
// schedules, keeps the items that cover the story, fetches and extracts each
// article, stores new versions with their diff and fact changes, and queues
// and delivers the alerts they cause.
//
//	cron → pollFeed → processItem (fetch → extract → diff → facts) → writer (one bbolt tx per batch) → outbox → dispatcher
package monitor
