package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// With -split-words the word lists' text (data.Text, some 45 % of the
// module's brotli bytes) becomes the data section's last segment and the
// file's last bytes, and a custom section at the front, splitName, tells
// a loader how to cut the download in two as it streams: the bytes before
// the text, with a few patched, are a module of their own without that
// segment, which can be compiled and started while the text still
// downloads; the text is then written to its address in linear memory.
// Instantiated whole, the file is the same module as before, and leaves
// memory the same, byte for byte.
const splitName = "passmeter.split"

// splitPlan is the custom section's payload: JSON, padded with spaces to
// splitPayload bytes so that the offsets it holds do not move it.
type splitPlan struct {
	Version int `json:"v"`
	// Head is where the module without the text ends: the bytes before
	// it, patched, are that module.
	Head int `json:"head"`
	// Text is where the text starts; it runs to the end of the file.
	Text int `json:"text"`
	// At and Length place the text in linear memory.
	At     uint32 `json:"at"`
	Length int    `json:"length"`
	// Patches are [offset, byte...]: what the head's data count and data
	// section header say once the text's segment is left out.
	Patches [][]int `json:"patches"`
}

const splitPayload = 256

// splitWords moves text, which must occur once in the image, to a segment
// of its own at the end of the data section and the module, and adds the
// plan. It returns the plan and the new segments, already set in m.
func splitWords(m *module, im *image, text []byte) (*splitPlan, []segment, error) {
	i := bytes.Index(im.data, text)
	if i < 0 {
		return nil, nil, errors.New("the word lists' text is not in the module's data")
	}
	if bytes.Index(im.data[i+1:], text) >= 0 {
		return nil, nil, errors.New("the word lists' text is in the module's data twice")
	}
	// the segments on either side of the text, cut at its ends
	at := im.base + uint32(i)
	before := &image{base: im.base, data: im.data[:i]}
	after := &image{base: at + uint32(len(text)), data: im.data[i+len(text):]}
	segs := append(append(before.segments(), after.segments()...), segment{at, text})
	if err := m.setSegmentsPadded(segs); err != nil {
		return nil, nil, err
	}
	// The text ends the file: the only section after the data section,
	// Go's producers (the toolchain's name and version), is dropped. The
	// plan goes first.
	di := m.index(sectionData)
	for _, s := range m.sections[di+1:] {
		if s.customName() != "producers" {
			return nil, nil, fmt.Errorf("section %d after the data section", s.id)
		}
	}
	m.sections = append([]section{{id: 0}}, m.sections[:di+1]...)
	plan := &splitPlan{Version: 1, At: at, Length: len(text)}
	if err := m.setPlan(plan); err != nil { // sizes the front section
		return nil, nil, err
	}
	// Offsets, now that every section's size is final.
	file := m.encode()
	dataAt, dataPayload := m.offsetOf(sectionData)
	textHeader := 2 + len(appendS32(nil, int32(at))) + 1 + len(appendU32(nil, uint32(len(text))))
	plan.Text = len(file) - len(text)
	plan.Head = plan.Text - textHeader
	if plan.Head <= dataPayload || dataAt < 0 {
		return nil, nil, errors.New("the text's segment is not where it was put")
	}
	headSize := plan.Head - dataPayload
	plan.Patches = [][]int{
		append([]int{dataPayload - 5}, padded(uint32(headSize))...), // the data section's size
		append([]int{dataPayload}, padded(uint32(len(segs)-1))...),  // its segment count
	}
	if dcAt, dcPayload := m.offsetOf(sectionDataCount); dcAt >= 0 {
		plan.Patches = append(plan.Patches, append([]int{dcPayload}, padded(uint32(len(segs)-1))...))
	}
	if err := m.setPlan(plan); err != nil {
		return nil, nil, err
	}
	return plan, segs, nil
}

func padded(v uint32) []int {
	var out []int
	for _, c := range appendU32Padded(nil, v) {
		out = append(out, int(c))
	}
	return out
}

// setPlan writes the plan into the front section, padded to its fixed size.
func (m *module) setPlan(plan *splitPlan) error {
	j, err := json.Marshal(plan)
	if err != nil {
		return err
	}
	if len(j) > splitPayload {
		return fmt.Errorf("the split plan is %d bytes, more than %d", len(j), splitPayload)
	}
	p := appendU32(nil, uint32(len(splitName)))
	p = append(p, splitName...)
	p = append(p, j...)
	m.sections[0] = section{id: 0, payload: append(p, bytes.Repeat([]byte(" "), splitPayload-len(j))...), padSize: true}
	return nil
}

// index is the position of the first section with id, or -1.
func (m *module) index(id byte) int {
	for i, s := range m.sections {
		if s.id == id {
			return i
		}
	}
	return -1
}

// offsetOf is where in the encoded file the section with id starts, and
// its payload; -1, -1 when there is none.
func (m *module) offsetOf(id byte) (int, int) {
	at := len(wasmHeader)
	for _, s := range m.sections {
		head := 1 + len(s.sizeBytes())
		if s.id == id {
			return at, at + head
		}
		at += head + len(s.payload)
	}
	return -1, -1
}

// headOf is the module a loader gets from a split file: the bytes before
// plan.Head, patched.
func headOf(file []byte, plan *splitPlan) []byte {
	head := bytes.Clone(file[:plan.Head])
	for _, p := range plan.Patches {
		for k, c := range p[1:] {
			head[p[0]+k] = byte(c)
		}
	}
	return head
}

// readPlan finds the plan in a split file: the first section, named splitName.
func readPlan(file []byte) (*splitPlan, error) {
	m, err := parseModule(file)
	if err != nil {
		return nil, err
	}
	if len(m.sections) == 0 {
		return nil, errors.New("no split plan first")
	}
	name, r := m.sections[0].custom()
	if name != splitName {
		return nil, errors.New("no split plan first")
	}
	var plan splitPlan
	if err := json.Unmarshal(bytes.TrimRight(r.b[r.pos:], " "), &plan); err != nil {
		return nil, fmt.Errorf("split plan: %w", err)
	}
	return &plan, nil
}

// checkSplit checks a split file as a loader uses it: the head is a module
// whose memory is want's without the text, and the file's tail is the text
// at its address.
func checkSplit(file []byte, want *image, text []byte) error {
	plan, err := readPlan(file)
	if err != nil {
		return err
	}
	if plan.Text+plan.Length != len(file) || !bytes.Equal(file[plan.Text:], text) || plan.Head > plan.Text {
		return errors.New("the text is not the file's end")
	}
	head, err := parseModule(headOf(file, plan))
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	segs, err := head.segments()
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	got, err := newImage(append(segs, segment{plan.At, text}))
	if err != nil {
		return err
	}
	for _, s := range segs {
		if s.offset < plan.At+uint32(plan.Length) && plan.At < s.offset+uint32(len(s.data)) {
			return fmt.Errorf("head segment at %#x overlaps the text", s.offset)
		}
	}
	if a, ok := sameMemory(got, want); !ok {
		return fmt.Errorf("head and text leave memory different at %#x", a)
	}
	return nil
}
