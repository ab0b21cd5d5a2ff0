This file has no migrate:up marker: any goal that read it would fail.
