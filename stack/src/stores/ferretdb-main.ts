// Source of the tiny Go program that embeds FerretDB 1.24 (built into the cache by ferretdb.ts).
// Building FerretDB's own cmd/ferretdb from the module cache panics at start (no version.txt);
// embedding its `ferretdb` package from a module of our own avoids that.

export const FERRETDB_VERSION = '1.24.0';

export const GO_MOD = `module shopferret

go 1.22
`;

export const MAIN_GO = `package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27018", "TCP listen address")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI (must end with /)")
	level := flag.String("log-level", "error", "debug, info, warn or error")
	flag.Parse()

	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(strings.ToUpper(*level))); err != nil {
		fmt.Fprintf(os.Stderr, "bad -log-level: %s\\n", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: *sqliteURL,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "FerretDB failed to start: %s\\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	fmt.Fprintf(os.Stderr, "FerretDB ${FERRETDB_VERSION} (sqlite %s) listening on %s\\n", *sqliteURL, *listen)
	if err := f.Run(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "FerretDB stopped with error: %s\\n", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "FerretDB stopped")
}
`;
