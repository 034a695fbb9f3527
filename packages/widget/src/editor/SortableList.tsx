import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { type ReactElement, type ReactNode, useRef } from "react";
import type { EditorMessages } from "./editorMessages.js";

/** One row of the list: its id while dragging, its React key, and its name in announcements. */
export interface SortableRow {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

export interface SortableListProps {
  readonly rows: readonly SortableRow[];
  readonly className?: string;
  readonly m: EditorMessages;
  /** Called on a drop at another place: the row `id` goes to index `to`. */
  readonly onMove: (id: string, to: number) => void;
  /** A row's content; `handle` is its drag handle, to be placed in it. */
  readonly children: (index: number, handle: ReactElement) => ReactNode;
}

/**
 * An ordered list whose rows move by dragging their handle (dnd-kit), with the mouse, touch or the
 * keyboard (Space to pick up, arrows, Space to drop, Escape to cancel), each step announced in the
 * editor's language. Only the handle starts a drag, so the fields and buttons in a row work as usual.
 */
export function SortableList({ rows, className, m, onMove, children }: SortableListProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = rows.map((row) => row.id);
  const indexOf = (id: UniqueIdentifier | undefined) => ids.indexOf(String(id));
  const nameOf = (id: UniqueIdentifier) => rows[indexOf(id)]?.name ?? "";
  const count = rows.length;
  // The drag starts over its own place: that is said once, by the start, not again as "over".
  const lastOver = useRef<UniqueIdentifier | undefined>(undefined);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastOver.current = active.id;
      return m.dragStart(nameOf(active.id), indexOf(active.id) + 1, count);
    },
    onDragOver: ({ active, over }) => {
      if (over === null || over.id === lastOver.current) return undefined;
      lastOver.current = over.id;
      return m.dragOver(nameOf(active.id), indexOf(over.id) + 1, count);
    },
    onDragEnd: ({ active, over }) =>
      over === null
        ? m.dragCancel(nameOf(active.id), indexOf(active.id) + 1)
        : m.dragEnd(nameOf(active.id), indexOf(over.id) + 1, count),
    onDragCancel: ({ active }) => m.dragCancel(nameOf(active.id), indexOf(active.id) + 1),
  };
  const drop = ({ active, over }: DragEndEvent) => {
    const to = indexOf(over?.id);
    if (to >= 0 && to !== indexOf(active.id)) onMove(String(active.id), to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={nearestPlace}
      accessibility={{ announcements, screenReaderInstructions: { draggable: m.dragInstructions } }}
      onDragEnd={drop}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className={className}>
          {rows.map((row, index) => (
            <SortableItem key={row.key} row={row} index={index} m={m}>
              {children}
            </SortableItem>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

/**
 * Where a dragged card is: under the pointer (the card it points at), or by keyboard, the card
 * whose top or bottom edge it was lined up with. dnd-kit's keyboard steps line the top up when
 * moving up and the bottom when moving down; a centre-based rule would keep a tall card (a local
 * question with its fields) over its own place.
 */
const nearestPlace: CollisionDetection = (args) => {
  if (args.pointerCoordinates !== null) {
    const under = pointerWithin(args);
    return under.length > 0 ? under : closestCenter(args);
  }
  const { collisionRect, droppableRects, droppableContainers } = args;
  return droppableContainers
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      if (rect === undefined) return [];
      const value = Math.min(
        Math.abs(rect.top - collisionRect.top),
        Math.abs(rect.bottom - collisionRect.bottom),
      );
      return [{ id: container.id, data: { droppableContainer: container, value } }];
    })
    .sort((a, b) => a.data.value - b.data.value);
};

interface SortableItemProps {
  readonly row: SortableRow;
  readonly index: number;
  readonly m: EditorMessages;
  readonly children: SortableListProps["children"];
}

function SortableItem({ row, index, m, children }: SortableItemProps) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: row.id, attributes: { roleDescription: m.dragRole } });
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="klynge-editor__drag-handle"
      data-focus="handle"
      {...attributes}
      {...listeners}
      aria-label={`${m.dragHandle}: ${row.name}`}
    >
      <span aria-hidden="true">⠿</span> {m.dragHandle}
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      data-index={index}
      className={`klynge-editor__item${isDragging ? " klynge-editor__item--dragging" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {children(index, handle)}
    </li>
  );
}
