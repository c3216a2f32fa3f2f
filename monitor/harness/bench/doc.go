// Package bench measures storywatch at scale on loopback: the real pipeline
// (poll → fetch → extract → diff → facts → store → outbox) against a
// synthetic corpus served by monitor/corpus, plus the read paths and a side
// by side run of urlwatch on the same pages served by nginx.
//
// Every pipeline pass runs in a child process (the storywatch binary itself,
// see Worker) so that each pass's peak RSS and CPU time are its own and not
// the corpus server's, which stays in the parent.
package bench
