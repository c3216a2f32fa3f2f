package bolt

import (
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// maxDecoded caps a single decoded version, so a corrupt record cannot make
// a reader allocate without bound.
const maxDecoded = 256 << 20

// encoderLevel is the zstd level of every stored frame. With a trained
// dictionary SpeedDefault stores about 5% more than SpeedBetterCompression
// but costs half the CPU: BetterCompression restores a 4 MiB match table
// from the dictionary's on every EncodeAll, which made it slower than the
// undictionaried encoder it replaced. See BenchmarkEncodePayload.
const encoderLevel = zstd.SpeedDefault

// codec owns the zstd state: one decoder per dictionary id (0 = none) and
// the encoder of the dictionary new records use. Encoders and decoders are
// expensive to create, so they live as long as the store; EncodeAll and
// DecodeAll are safe for concurrent use. Only the writer (inside a bbolt
// write transaction) adds or drops dictionaries.
type codec struct {
	mu       sync.RWMutex
	decoders map[uint32]*zstd.Decoder
	active   uint32        // dictionary new records are compressed with
	enc      *zstd.Encoder // encoder of active
	retired  []*zstd.Encoder
}

func newDecoder(dict []byte) (*zstd.Decoder, error) {
	opts := []zstd.DOption{zstd.WithDecoderMaxMemory(maxDecoded)}
	if dict != nil {
		opts = append(opts, zstd.WithDecoderDicts(dict))
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return nil, fmt.Errorf("create zstd decoder: %w", err)
	}
	return dec, nil
}

func newEncoder(dict []byte) (*zstd.Encoder, error) {
	// Writes are serialised by bbolt, so one encoder state is enough and
	// saves the megabytes of match tables a second one would hold.
	opts := []zstd.EOption{zstd.WithEncoderLevel(encoderLevel), zstd.WithEncoderConcurrency(1)}
	if dict != nil {
		opts = append(opts, zstd.WithEncoderDict(dict))
	}
	enc, err := zstd.NewWriter(nil, opts...)
	if err != nil {
		return nil, fmt.Errorf("create zstd encoder: %w", err)
	}
	return enc, nil
}

func newCodec() (*codec, error) {
	enc, err := newEncoder(nil)
	if err != nil {
		return nil, err
	}
	dec, err := newDecoder(nil)
	if err != nil {
		_ = enc.Close()
		return nil, err
	}
	return &codec{enc: enc, decoders: map[uint32]*zstd.Decoder{0: dec}}, nil
}

// addDict registers dictionary id for decoding and, when use is set, makes
// it the one new records are compressed with.
func (c *codec) addDict(id uint32, dict []byte, use bool) error {
	dec, err := newDecoder(dict)
	if err != nil {
		return fmt.Errorf("load dictionary %d: %w", id, err)
	}
	var enc *zstd.Encoder
	if use {
		if enc, err = newEncoder(dict); err != nil {
			dec.Close()
			return fmt.Errorf("load dictionary %d: %w", id, err)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.decoders[id]; old != nil {
		old.Close()
	}
	c.decoders[id] = dec
	if use {
		c.retired = append(c.retired, c.enc)
		c.active, c.enc = id, enc
	}
	return nil
}

// dropDict forgets dictionary id after the transaction that stored it
// rolled back, and compresses with prev again.
func (c *codec) dropDict(id, prev uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if dec := c.decoders[id]; dec != nil {
		dec.Close()
		delete(c.decoders, id)
	}
	if c.active == id && len(c.retired) > 0 {
		// The retired encoder is the one that was active before id.
		last := len(c.retired) - 1
		_ = c.enc.Close()
		c.active, c.enc = prev, c.retired[last]
		c.retired = c.retired[:last]
	}
}

// activeDict returns the id of the dictionary new records use (0 = none).
func (c *codec) activeDict() uint32 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.active
}

// compress returns src as one zstd frame and the id of the dictionary it
// used.
func (c *codec) compress(src []byte) ([]byte, uint32) {
	c.mu.RLock()
	enc, id := c.enc, c.active
	c.mu.RUnlock()
	return enc.EncodeAll(src, nil), id
}

// decompress reverses compress for a frame made with dictionary id.
func (c *codec) decompress(src []byte, id uint32) ([]byte, error) {
	c.mu.RLock()
	dec := c.decoders[id]
	c.mu.RUnlock()
	if dec == nil {
		return nil, fmt.Errorf("decompress: dictionary %d is not in the store", id)
	}
	out, err := dec.DecodeAll(src, nil)
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return out, nil
}

// settle closes the encoders of replaced dictionaries once the transaction
// that replaced them committed.
func (c *codec) settle() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.retired {
		_ = e.Close()
	}
	c.retired = nil
}

// close releases the coders; the codec must not be used afterwards.
func (c *codec) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.enc.Close()
	for _, e := range c.retired {
		_ = e.Close()
	}
	for _, d := range c.decoders {
		d.Close()
	}
}
