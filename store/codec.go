package store

import (
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// maxDecoded caps a single decoded version, so a corrupt record cannot make
// a reader allocate without bound.
const maxDecoded = 256 << 20

// codec owns the zstd state. Encoders and decoders are expensive to create,
// so the store makes one of each at Open and shares them: EncodeAll and
// DecodeAll are safe for concurrent use.
type codec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

func newCodec() (*codec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression))
	if err != nil {
		return nil, fmt.Errorf("create zstd encoder: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderMaxMemory(maxDecoded))
	if err != nil {
		_ = enc.Close()
		return nil, fmt.Errorf("create zstd decoder: %w", err)
	}
	return &codec{enc: enc, dec: dec}, nil
}

// compress returns src as one zstd frame.
func (c *codec) compress(src []byte) []byte { return c.enc.EncodeAll(src, nil) }

// decompress reverses compress.
func (c *codec) decompress(src []byte) ([]byte, error) {
	out, err := c.dec.DecodeAll(src, nil)
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return out, nil
}

// close releases the coders; the codec must not be used afterwards.
func (c *codec) close() {
	_ = c.enc.Close()
	c.dec.Close()
}
