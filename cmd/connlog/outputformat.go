package main

import (
	"fmt"

	"connlog/model/export"
)

// Defaults of an export whose flags and file name say nothing.
const (
	defaultFormat   = "text"
	defaultCompress = "none"
)

// settleOutputFormat decides --format and --compress of an export: what the
// flags say, else what the ending of -o says (x.csv.gz is CSV compressed
// with gzip), else text, uncompressed. A flag that disagrees with the
// ending, or an ending of a compression connlog does not write (.xz), is a
// usage error, so that a .gz or .xz file never holds plain text. The
// flags are left in their canonical spelling.
func (c *Config) settleOutputFormat() error {
	if u, ok := export.UnwrittenCompression(c.Output); ok {
		return refuseUnwritten(c.Output, c.Format, u)
	}
	hint := export.HintFromName(c.Output)
	if c.Output == "-" {
		hint = export.NameHint{}
	}
	f, err := settleFormat(c.Format, c.Output, hint)
	if err != nil {
		return err
	}
	comp, err := settleCompress(c.Compress, c.Output, hint)
	if err != nil {
		return err
	}
	c.Format, c.Compress = f.String(), comp.String()
	return nil
}

func settleFormat(flagValue, output string, hint export.NameHint) (export.Format, error) {
	if flagValue == "" {
		if hint.HasFormat {
			return hint.Format, nil
		}
		flagValue = defaultFormat
	}
	f, err := export.ParseFormat(flagValue)
	if err != nil {
		return f, usageError{err.Error()}
	}
	if hint.HasFormat && hint.Format != f {
		return f, usageError{fmt.Sprintf("-o %s is named for the %s format but --format is %s: drop --format to write %s, or end the name in .%s",
			output, hint.Format, f, hint.Format, f.Ext())}
	}
	return f, nil
}

func settleCompress(flagValue, output string, hint export.NameHint) (export.Compression, error) {
	if flagValue == "" {
		if hint.HasCompress {
			return hint.Compress, nil
		}
		flagValue = defaultCompress
	}
	c, err := export.ParseCompression(flagValue)
	if err != nil {
		return c, usageError{err.Error()}
	}
	if hint.HasCompress && hint.Compress != c {
		said := "ends without .gz or .zst (uncompressed)"
		if hint.Compress != export.CompressNone {
			said = "ends in " + hint.Compress.Ext() + " (" + hint.Compress.String() + ")"
		}
		return c, usageError{fmt.Sprintf("-o %s %s but --compress is %s: drop --compress, or %s",
			output, said, c, compressAdvice(c))}
	}
	return c, nil
}

// compressAdvice says how to name a file for a compression.
func compressAdvice(c export.Compression) string {
	if c == export.CompressNone {
		return "end the name without .gz or .zst"
	}
	return "end the name in " + c.Ext()
}
