"""Pure cryptographic core of the Workings ledger.

Why: everything the tamper-evidence promise rests on lives here, small and testable, with
no Django and no I/O: RFC 9162 Merkle trees and proofs (``merkle``), C2SP signed notes and
checkpoints (``checkpoint``), RFC 8785 canonical JSON (``canonical``), salted content
commitments (``entry``), the export format (``export``), the offline verifier (``verify``)
and witness logic (``witness``).
"""

from .canonical import canonical_json
from .checkpoint import (
    Checkpoint,
    CheckpointError,
    NoteError,
    add_signature,
    format_checkpoint,
    generate_signer,
    parse_checkpoint,
    sign_note,
    verify_note,
)
from .entry import (
    LeafError,
    LeafHeader,
    check_content,
    content_commitment,
    decode_leaf,
    encode_leaf,
    make_salt,
)
from .export import ExportEntry, ExportHeader, read_export, write_export
from .merkle import (
    EMPTY_ROOT,
    CompactRange,
    Node,
    consistency_proof,
    consistency_proof_from,
    consistency_proof_ranges,
    inclusion_proof,
    inclusion_proof_from,
    inclusion_proof_ranges,
    leaf_hash,
    node_hash,
    perfect_nodes,
    range_hash,
    root_hash,
    verify_consistency,
    verify_inclusion,
)
from .verify import Failure, VerifyReport, verify_export
from .witness import WitnessAlarm, WitnessState, witness_update

__all__ = [
    "EMPTY_ROOT",
    "Checkpoint",
    "CheckpointError",
    "CompactRange",
    "ExportEntry",
    "ExportHeader",
    "Failure",
    "LeafError",
    "LeafHeader",
    "Node",
    "NoteError",
    "VerifyReport",
    "WitnessAlarm",
    "WitnessState",
    "add_signature",
    "canonical_json",
    "check_content",
    "consistency_proof",
    "consistency_proof_from",
    "consistency_proof_ranges",
    "content_commitment",
    "decode_leaf",
    "encode_leaf",
    "format_checkpoint",
    "generate_signer",
    "inclusion_proof",
    "inclusion_proof_from",
    "inclusion_proof_ranges",
    "leaf_hash",
    "make_salt",
    "node_hash",
    "parse_checkpoint",
    "perfect_nodes",
    "range_hash",
    "read_export",
    "root_hash",
    "sign_note",
    "verify_consistency",
    "verify_export",
    "verify_inclusion",
    "verify_note",
    "witness_update",
    "write_export",
]
